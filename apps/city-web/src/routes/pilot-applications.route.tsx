export { PilotApplicationsPage as default } from '@xiangmeng/web-common';
