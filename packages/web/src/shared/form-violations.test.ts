import type { FieldViolation } from '@xiangmeng/domain';
import type { FormInstance } from 'antd';
import { describe, expect, it } from 'vitest';
import type { ApiError } from './api-error';
import { placeViolationsByField } from './form-violations';

const reasonMissing: FieldViolation = {
  field: 'guard.REASON_GIVEN',
  rule: 'REASON_GIVEN',
  message: '请填写理由',
};
const reasonTooLong: FieldViolation = { field: 'input.reason', rule: 'TEXT', message: '不超过 2000 字' };
const noticeRunning: FieldViolation = {
  field: 'guard.NOTICE_PERIOD_OVER',
  rule: 'NOTICE_PERIOD_OVER',
  message: '公示期未满',
};

const REASON = { reason: ['reason', 'input.reason', 'guard.REASON_GIVEN'] };

/** A form that only records what was put on its fields. */
function recordingForm() {
  const placed: { name: unknown; errors?: string[] }[] = [];
  const form = { setFields: (fields: typeof placed) => placed.push(...fields) } as unknown as FormInstance;
  return { form, placed };
}

function refusal(violations: FieldViolation[]): ApiError {
  return { code: 'BAD_INPUT', message: '输入有误', violations };
}

describe('placeViolationsByField', () => {
  it.each([
    [
      'all on the field: nothing left for the alert',
      [reasonMissing, reasonTooLong],
      REASON,
      ['请填写理由', '不超过 2000 字'],
      null,
    ],
    [
      'a guard the form has no field for stays for the alert',
      [reasonMissing, noticeRunning],
      REASON,
      ['请填写理由'],
      [noticeRunning],
    ],
    [
      'a field the step does not ask for places nothing',
      [reasonMissing],
      { reason: [] },
      null,
      [reasonMissing],
    ],
    ['no violations: the message stays for the alert', [], REASON, null, []],
  ])('%s', (_case, violations, byField, onReason, left) => {
    const { form, placed } = recordingForm();
    const rest = placeViolationsByField(form, refusal(violations), byField);
    expect(placed).toEqual(onReason ? [{ name: 'reason', errors: onReason }] : []);
    expect(rest).toEqual(left === null ? null : refusal(left));
  });
});
