export { ExpertPoolPage as default } from '@xiangmeng/web-common';
