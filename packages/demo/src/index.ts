export { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount, seedDemo } from './demo-seed.js';
