export { AppShell as default } from '@xiangmeng/web-common';
