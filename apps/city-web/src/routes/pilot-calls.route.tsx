export { PilotCallsPage as default } from '@xiangmeng/web-common';
