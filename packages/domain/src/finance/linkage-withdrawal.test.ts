import { describe, expect, it } from 'vitest';
import { linkageWithdrawalViolations } from './linkage-withdrawal.js';

const TODAY = '2026-12-06';
const OPEN = { enrolledOn: '2025-03-01', withdrawnOn: null };

describe('linkageWithdrawalViolations', () => {
  it.each([
    ['today, with a reason', { withdrawnOn: TODAY, reason: '机构调整业务方向' }, OPEN, []],
    ['on the enrolment day', { withdrawnOn: '2025-03-01', reason: '撤回' }, OPEN, []],
    [
      'a day that does not exist',
      { withdrawnOn: '2026-02-30', reason: '撤回' },
      OPEN,
      ['withdrawnOn:CALENDAR_DATE'],
    ],
    ['tomorrow', { withdrawnOn: '2026-12-07', reason: '撤回' }, OPEN, ['withdrawnOn:NOT_FUTURE']],
    [
      'before it enrolled',
      { withdrawnOn: '2025-02-28', reason: '撤回' },
      OPEN,
      ['withdrawnOn:NOT_BEFORE_ENROLMENT'],
    ],
    ['no reason', { withdrawnOn: TODAY, reason: '  ' }, OPEN, ['reason:REQUIRED']],
    ['a reason too long', { withdrawnOn: TODAY, reason: '因'.repeat(501) }, OPEN, ['reason:TOO_LONG']],
    [
      'withdrawn already',
      { withdrawnOn: TODAY, reason: '再次退出' },
      { enrolledOn: '2025-03-01', withdrawnOn: '2026-01-01' },
      ['id:ALREADY_WITHDRAWN'],
    ],
  ] as const)('%s', (_case, input, enrolment, expected) => {
    expect(linkageWithdrawalViolations(input, enrolment, TODAY).map((x) => `${x.field}:${x.rule}`)).toEqual(
      expected,
    );
  });
});
