export { WorkListPage as default } from '@xiangmeng/web-common';
