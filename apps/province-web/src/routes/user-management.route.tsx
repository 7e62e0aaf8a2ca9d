export { UserManagementPage as default } from '@xiangmeng/web-common';
