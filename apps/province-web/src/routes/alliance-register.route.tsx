export { AllianceRegisterPage as default } from '@xiangmeng/web-common';
