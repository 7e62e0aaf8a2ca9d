import { describe, expect, it } from 'vitest';
import {
  noticeObjectionViolations,
  objectionAnswerViolations,
  objectionTally,
} from './notice-objections.js';

const NOTICE = { startsOn: '2027-03-01', endsOn: '2027-03-08' };
const ok = { receivedOn: '2027-03-03', objector: '某某科技有限公司', content: '申报材料中的先行投入有虚报。' };

describe('an objection to a support notice', () => {
  it('is accepted when received during the notice', () => {
    expect(noticeObjectionViolations(ok, NOTICE, '2027-03-05')).toEqual([]);
  });

  it.each<[string, Partial<typeof ok>, string, string, string]>([
    ['no date', { receivedOn: '' }, '2027-03-05', 'receivedOn', 'CALENDAR_DATE'],
    ['an impossible date', { receivedOn: '2027-02-30' }, '2027-03-05', 'receivedOn', 'CALENDAR_DATE'],
    ['a day before the notice began', { receivedOn: '2027-02-28' }, '2027-03-05', 'receivedOn', 'DURING_NOTICE'],
    ['a day after the notice ended', { receivedOn: '2027-03-09' }, '2027-03-10', 'receivedOn', 'DURING_NOTICE'],
    ['a day still to come', { receivedOn: '2027-03-06' }, '2027-03-05', 'receivedOn', 'NOT_IN_FUTURE'],
    ['no objector', { objector: '  ' }, '2027-03-05', 'objector', 'LENGTH'],
    ['an objector of 101 characters', { objector: '某'.repeat(101) }, '2027-03-05', 'objector', 'LENGTH'],
    ['no content', { content: '' }, '2027-03-05', 'content', 'LENGTH'],
    ['content of 5001 characters', { content: '异'.repeat(5001) }, '2027-03-05', 'content', 'LENGTH'],
  ])('is refused with %s', (_name, change, today, field, rule) => {
    expect(noticeObjectionViolations({ ...ok, ...change }, NOTICE, today)).toEqual([
      expect.objectContaining({ field, rule }),
    ]);
  });

  it.each([
    ['the first day of the notice', '2027-03-01'],
    ['its last day', '2027-03-08'],
  ])('counts %s as during it', (_name, receivedOn) => {
    expect(noticeObjectionViolations({ ...ok, receivedOn }, NOTICE, '2027-03-09')).toEqual([]);
  });

  it('counts characters, not UTF-16 units, against the limits', () => {
    expect(noticeObjectionViolations({ ...ok, objector: '𠀀'.repeat(100) }, NOTICE, '2027-03-05')).toEqual([]);
  });
});

describe('an answer', () => {
  it.each([
    ['empty', '', 1],
    ['blank', '   ', 1],
    ['of 5000 characters', '复'.repeat(5000), 0],
    ['of 5001 characters', '复'.repeat(5001), 1],
  ])('%s', (_name, answer, count) => {
    expect(objectionAnswerViolations(answer)).toHaveLength(count);
  });
});

describe('the tally the decision reads', () => {
  it.each<[string, { answered: boolean; sustained: boolean | null }[], { open: number; sustained: number }]>([
    ['no objections', [], { open: 0, sustained: 0 }],
    ['one unanswered', [{ answered: false, sustained: null }], { open: 1, sustained: 0 }],
    ['one answered, not sustained', [{ answered: true, sustained: false }], { open: 0, sustained: 0 }],
    ['one sustained', [{ answered: true, sustained: true }], { open: 0, sustained: 1 }],
    [
      'mixed',
      [
        { answered: true, sustained: true },
        { answered: false, sustained: null },
        { answered: true, sustained: false },
      ],
      { open: 1, sustained: 1 },
    ],
  ])('%s', (_name, objections, tally) => {
    expect(objectionTally(objections)).toEqual(tally);
  });
});
