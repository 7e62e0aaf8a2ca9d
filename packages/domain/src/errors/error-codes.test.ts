import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, ErrorCode, errorMessage, fieldViolation } from './error-codes.js';

describe('error codes', () => {
  it('has a Chinese message for every code', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(ERROR_MESSAGES[code]).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('falls back to a generic message for an unknown code', () => {
    expect(errorMessage('SOMETHING_ELSE')).toBe(ERROR_MESSAGES.INTERNAL_SERVER_ERROR);
  });

  it('tells how long to wait when throttled', () => {
    expect(errorMessage(ErrorCode.LOGIN_THROTTLED, 16)).toContain('16 秒');
  });

  it('names the field and the rule of a violation', () => {
    expect(fieldViolation('password', 'TOO_SHORT')).toEqual({
      field: 'password',
      rule: 'TOO_SHORT',
      message: '密码至少 10 位',
    });
  });
});
