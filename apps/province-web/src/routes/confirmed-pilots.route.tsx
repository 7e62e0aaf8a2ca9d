export { ConfirmedPilotsPage as default } from '@xiangmeng/web-common';
