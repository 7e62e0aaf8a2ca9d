import { describe, expect, it } from 'vitest';
import { acceptanceRequestViolations, parseProjectAcceptance } from './project-acceptance.js';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const owned = new Set([A, B]);

describe('an acceptance request', () => {
  it('holds with a report and the alliance’s own documents', () => {
    expect(acceptanceRequestViolations({ finalReport: '已完成全部考核指标。', documentIds: [A, B] }, owned)).toEqual(
      [],
    );
  });

  it.each<[string, string, string[], [string, string][]]>([
    ['no report', '  ', [A], [['finalReport', 'REQUIRED']]],
    ['a report of 5001 characters', '报'.repeat(5001), [A], [['finalReport', 'TOO_LONG']]],
    ['no documents', '总结', [], [['documentIds', 'REQUIRED']]],
    ['21 documents', '总结', Array.from({ length: 21 }, () => A), [['documentIds', 'TOO_MANY']]],
    ['a document twice', '总结', [A, A], [['documentIds.1', 'DUPLICATE']]],
    [
      'another alliance’s document',
      '总结',
      [A, '33333333-3333-4333-8333-333333333333'],
      [['documentIds.1', 'NOT_FOUND']],
    ],
    ['nothing at all', '', [], [['finalReport', 'REQUIRED'], ['documentIds', 'REQUIRED']]],
  ])('is refused with %s', (_name, finalReport, documentIds, expected) => {
    expect(
      acceptanceRequestViolations({ finalReport, documentIds }, owned).map((x) => [x.field, x.rule]),
    ).toEqual(expected);
  });
});

describe('the stored request', () => {
  it('reads back what was written', () => {
    const stored = {
      requestedOn: '2028-01-10',
      finalReport: '总结',
      documentIds: [A],
      alliance: { id: B, name: '湘江联盟', industryCode: 'C39' },
      measures: { id: A, tenantId: B, versionNo: 2 },
      reviewStartedOn: '2028-01-12',
      reviewedOn: null,
      review: { total: 82.5, passes: true },
    };
    expect(parseProjectAcceptance(stored)).toEqual(stored);
  });

  it.each([
    ['nothing', null, null],
    ['a list', [], null],
  ])('reads %s as no request', (_name, value, expected) => {
    expect(parseProjectAcceptance(value)).toBe(expected);
  });

  it('reads a malformed request as absent parts', () => {
    expect(parseProjectAcceptance({ documentIds: [A, 3], measures: { id: 1 }, review: { total: 'x' } })).toEqual({
      requestedOn: '',
      finalReport: '',
      documentIds: [A],
      alliance: { id: '', name: '', industryCode: null },
      measures: null,
      reviewStartedOn: null,
      reviewedOn: null,
      review: null,
    });
  });
});
