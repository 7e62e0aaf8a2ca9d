export { MyReviewsPage as default } from '@xiangmeng/web-common';
