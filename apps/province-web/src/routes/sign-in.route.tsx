// Default exports for React.lazy: one module per route chunk.
export { SignInPage as default } from '@xiangmeng/web-common';
