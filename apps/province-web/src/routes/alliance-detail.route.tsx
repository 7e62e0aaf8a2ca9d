export { AllianceDetailPage as default } from '@xiangmeng/web-common';
