export * from './tenancy/divisions.js';
export * from './auth/roles.js';
export * from './auth/password-policy.js';
export * from './auth/session-policy.js';
export * from './auth/sign-in-throttle.js';
export * from './users/username.js';
export * from './errors/error-codes.js';
