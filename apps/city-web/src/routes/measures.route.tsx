export { MeasuresPage as default } from '@xiangmeng/web-common';
