import { describe, expect, it } from 'vitest';
import { noticeActionAllowed, noticeAudiencesOf, noticeProblems } from './notice-rules.js';

describe('noticeProblems', () => {
  const ok = { title: '关于开展2027年联盟试点申报的通知', body: '正文', audiences: ['CITY_STAFF'] };
  it.each([
    ['a province notice to the cities', ok, 'PROVINCE', []],
    [
      'a city notice to its own staff and experts',
      { ...ok, audiences: ['OWN_STAFF', 'EXPERTS'] },
      'CITY',
      [],
    ],
    ['a blank title', { ...ok, title: '  ' }, 'PROVINCE', ['title:REQUIRED']],
    ['a title of 121 characters', { ...ok, title: '通'.repeat(121) }, 'PROVINCE', ['title:TOO_LONG']],
    ['a body of 20001 characters', { ...ok, body: '文'.repeat(20001) }, 'PROVINCE', ['body:TOO_LONG']],
    ['no audience', { ...ok, audiences: [] }, 'PROVINCE', ['audiences:REQUIRED']],
    ['an audience twice', { ...ok, audiences: ['EXPERTS', 'EXPERTS'] }, 'PROVINCE', ['audiences:DUPLICATE']],
    ['a city addressing the cities', ok, 'CITY', ['audiences:ONE_OF']],
    ['an unknown audience', { ...ok, audiences: ['EVERYONE'] }, 'PROVINCE', ['audiences:ONE_OF']],
  ] as const)('%s', (_name, draft, level, expected) => {
    expect(noticeProblems(draft, level).map((p) => `${p.field}:${p.rule}`)).toEqual(expected);
  });
});

describe('noticeAudiencesOf', () => {
  it.each([
    ['PROVINCE', ['OWN_STAFF', 'CITY_STAFF', 'EXPERTS']],
    ['CITY', ['OWN_STAFF', 'EXPERTS']],
  ] as const)('%s', (level, expected) => {
    expect(noticeAudiencesOf(level)).toEqual(expected);
  });
});

describe('noticeActionAllowed', () => {
  it.each([
    ['DRAFT', 'EDIT', true],
    ['DRAFT', 'PUBLISH', true],
    ['DRAFT', 'WITHDRAW', false],
    ['PUBLISHED', 'EDIT', false],
    ['PUBLISHED', 'PUBLISH', false],
    ['PUBLISHED', 'WITHDRAW', true],
    ['WITHDRAWN', 'EDIT', false],
    ['WITHDRAWN', 'PUBLISH', false],
    ['WITHDRAWN', 'WITHDRAW', false],
  ] as const)('%s × %s → %s', (state, action, expected) => {
    expect(noticeActionAllowed(state, action)).toBe(expected);
  });
});
