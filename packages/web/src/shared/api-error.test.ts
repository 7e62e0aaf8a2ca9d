import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ERROR_MESSAGES, ErrorCode, type FieldViolation } from '@xiangmeng/domain';
import { describe, expect, it } from 'vitest';
import { messageFor, toApiError } from './api-error';

type Extensions = Record<string, unknown>;

function refusal(code: string, message: string, extensions: Extensions = {}) {
  return new CombinedGraphQLErrors({ errors: [{ message, extensions: { code, ...extensions } }] });
}

const violation: FieldViolation = { field: 'guard.CALL_OPEN', rule: 'CALL_OPEN', message: '不在申报时间内' };
const codes = Object.keys(ERROR_MESSAGES) as ErrorCode[];

describe('toApiError', () => {
  it.each(codes)('shows the catalogue text for %s when the API sends no wording of its own', (code) => {
    expect(toApiError(refusal(code, ERROR_MESSAGES[code])).message).toBe(ERROR_MESSAGES[code]);
    expect(toApiError(refusal(code, 'Variable "$input" got invalid value')).message).toBe(
      ERROR_MESSAGES[code],
    );
    expect(toApiError(refusal(code, '')).message).toBe(ERROR_MESSAGES[code]);
  });

  it.each(codes)('heads the violations of %s with the catalogue text', (code) => {
    const error = toApiError(refusal(code, '不能「提交」：不在申报时间内', { violations: [violation] }));
    expect(error.message).toBe(ERROR_MESSAGES[code]);
    expect(error.violations).toEqual([violation]);
  });

  it.each([
    [ErrorCode.FORBIDDEN, '只有登记该单位的市州或省厅可以更正'],
    [ErrorCode.NOT_FOUND, '找不到申报所属的申报通知'],
    [ErrorCode.ALLIANCE_DISSOLVED, '联盟「长沙储能联盟」已解散，记录只读'],
    [ErrorCode.OBJECTION_OUTSIDE_NOTICE, '只有公示中的申报可以答复异议'],
    [ErrorCode.CALL_PUBLISHED, '申报通知已于 2026-03-01 发布，不能再修改'],
  ])('keeps the wording the API made specific for %s', (code, text) => {
    expect(toApiError(refusal(code, text)).message).toBe(text);
  });

  it('keeps who changed a record and when for a stale edit, with the details for the reload', () => {
    const text = '联盟协议已被张敏于 2026-03-01 10:00 修改，您的修改未保存；请刷新后再改';
    const staleEdit = {
      record: '联盟协议',
      changedBy: '张敏',
      changedAt: '2026-03-01 10:00',
      currentVersion: 4,
    };
    expect(toApiError(refusal(ErrorCode.CONFLICT, text, { staleEdit }))).toEqual({
      code: ErrorCode.CONFLICT,
      message: text,
      violations: [],
      staleEdit,
    });
  });

  it('never shows a fault or a busy service in the API’s words', () => {
    expect(toApiError(refusal(ErrorCode.INTERNAL_SERVER_ERROR, '违反唯一约束')).message).toBe(
      ERROR_MESSAGES.INTERNAL_SERVER_ERROR,
    );
    expect(toApiError(refusal(ErrorCode.SERVICE_BUSY, '连接池已满')).message).toBe(
      ERROR_MESSAGES.SERVICE_BUSY,
    );
  });

  it('says how long to wait after too many sign-in failures', () => {
    const error = toApiError(
      refusal(ErrorCode.LOGIN_THROTTLED, ERROR_MESSAGES.LOGIN_THROTTLED, { retryAfterSeconds: 30 }),
    );
    expect(error.message).toBe('登录失败次数过多，请 30 秒后再试');
  });

  it('shows the API’s Chinese text for a code this app does not know yet, else the general text', () => {
    expect(toApiError(refusal('FILING_ROUND_CLOSED', '本年度备案已截止')).message).toBe('本年度备案已截止');
    expect(toApiError(refusal('GRAPHQL_VALIDATION_FAILED', 'Cannot query field "x"')).message).toBe(
      ERROR_MESSAGES.INTERNAL_SERVER_ERROR,
    );
  });

  it('reads a failure without a code as an internal error, and a lost connection as a network error', () => {
    expect(toApiError(new CombinedGraphQLErrors({ errors: [{ message: 'boom' }] })).code).toBe(
      ErrorCode.INTERNAL_SERVER_ERROR,
    );
    expect(toApiError(new TypeError('Failed to fetch'))).toMatchObject({
      code: 'NETWORK_ERROR',
      violations: [],
    });
  });
});

describe('messageFor', () => {
  it('gives the catalogue text for every code on its own', () => {
    for (const code of codes) expect(messageFor(code, undefined, [])).toBe(ERROR_MESSAGES[code]);
  });
});
