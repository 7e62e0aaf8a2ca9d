export { NewPilotApplicationPage as default } from '@xiangmeng/web-common';
