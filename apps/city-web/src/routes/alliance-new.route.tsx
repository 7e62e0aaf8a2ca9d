export { RegisterAlliancePage as default } from '@xiangmeng/web-common';
