export { ReviewSheetPage as default } from '@xiangmeng/web-common';
