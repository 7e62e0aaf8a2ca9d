import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, ErrorCode, errorMessage, fieldViolation, httpStatusOf } from './error-codes.js';

describe('error codes', () => {
  it('has a Chinese message for every code', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(ERROR_MESSAGES[code]).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('answers each class of error with its own HTTP status', () => {
    expect(httpStatusOf(ErrorCode.NOT_FOUND)).toBe(404);
    expect(httpStatusOf(ErrorCode.CALL_PUBLISHED)).toBe(409);
    expect(httpStatusOf(ErrorCode.BAD_USER_INPUT)).toBe(400);
    expect(httpStatusOf(ErrorCode.SERVICE_BUSY)).toBe(503);
    expect(httpStatusOf(ErrorCode.LOGIN_FAILED)).toBe(401);
  });

  it('gives every code its own text, so two refusals never read alike', () => {
    const texts = Object.values(ERROR_MESSAGES);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it.each([
    'FILING_TRANSITION_REFUSED',
    'FILING_ROUND_CLOSED',
    'FILING_NOT_ELIGIBLE',
    'FILING_ALREADY_OPEN',
    'FILING_QUOTA_USED',
    'FILING_CORRECTION_OVERDUE',
    'FILING_CHANGED',
    'FILING_NOT_WITH_CITY',
    'FILING_SNAPSHOT_FROZEN',
    'FILING_CHANGE_EMPTY',
    'FILING_NOT_FILED',
    'FILING_ROUND_PUBLISHED',
    'FILING_ROUND_CHANGED',
  ] as const)('refuses a filing step with %s (409)', (code) => {
    expect(httpStatusOf(ErrorCode[code])).toBe(409);
  });

  it.each(['PROGRAMME_PUBLISHED', 'PROGRAMME_CHANGED', 'DEBARMENT_ALREADY_LIFTED'] as const)(
    'refuses a programme or debarment step with %s (409)',
    (code) => {
      expect(httpStatusOf(ErrorCode[code])).toBe(409);
    },
  );

  it.each([
    'PROJECT_TRANSITION_REFUSED',
    'PROJECT_CHANGED',
    'PROJECT_ALREADY_OPENED',
    'PROJECT_FROZEN',
    'PROJECT_NOT_DISBURSABLE',
    'LEDGER_ABOVE_AWARD',
    'LEDGER_ABOVE_NET_PAID',
    'IP_ASSET_NUMBER_TAKEN',
  ] as const)('refuses a project or ledger step with %s (409)', (code) => {
    expect(httpStatusOf(ErrorCode[code])).toBe(409);
  });

  it.each(['NOTICE_NOT_DRAFT', 'NOTICE_NOT_PUBLISHED', 'NOTICE_CHANGED', 'DECLARATION_REQUIRED', 'DECLARATION_OUTDATED'] as const)(
    'refuses a notice or declaration step with %s (409)',
    (code) => {
      expect(httpStatusOf(ErrorCode[code])).toBe(409);
    },
  );

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
