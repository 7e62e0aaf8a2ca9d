export { CallRankingPage as default } from '@xiangmeng/web-common';
