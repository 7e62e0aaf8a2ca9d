export { PilotApplicationDetailPage as default } from '@xiangmeng/web-common';
