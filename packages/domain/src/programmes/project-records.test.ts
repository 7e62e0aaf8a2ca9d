import { describe, expect, it } from 'vitest';
import { parseProgressReport, parseProjectBudget, parseProjectChange } from './project-records.js';

describe('project records as stored or sent', () => {
  it.each([
    [
      { kind: 'EXTENSION', newEndOn: '2029-12-31' },
      { kind: 'EXTENSION', newEndOn: '2029-12-31' },
    ],
    [
      { kind: 'RESPONSIBLE_PERSON', responsiblePerson: '李四' },
      { kind: 'RESPONSIBLE_PERSON', responsiblePerson: '李四' },
    ],
    [{ kind: 'NOPE' }, null],
    [null, null],
    ['EXTENSION', null],
  ])('reads the change %j', (stored, expected) => {
    expect(parseProjectChange(stored)).toEqual(expected);
  });

  it('reads a participant change, dropping malformed entries', () => {
    expect(
      parseProjectChange({
        kind: 'PARTICIPANT_CHANGE',
        added: [{ organizationId: 'o2', name: '乙', task: '测试' }, { name: '无编号' }],
        removedOrganizationIds: ['o3', 4],
        benefitShares: [{ organizationId: 'o1', name: '甲', basisPoints: 10000 }],
      }),
    ).toEqual({
      kind: 'PARTICIPANT_CHANGE',
      added: [{ organizationId: 'o2', name: '乙', task: '测试' }],
      removedOrganizationIds: ['o3'],
      benefitShares: [{ organizationId: 'o1', name: '甲', basisPoints: 10000 }],
    });
  });

  it('keeps budget lines of known sources in whole fen only', () => {
    expect(
      parseProjectBudget({
        totalFen: '300',
        lines: [
          { source: 'PROVINCIAL_SUPPORT', amountFen: '200', purpose: '设备' },
          { source: 'ELSEWHERE', amountFen: '50' },
          { source: 'SELF_RAISED', amountFen: 1.5 },
        ],
      }),
    ).toEqual({
      totalFen: '300',
      lines: [{ source: 'PROVINCIAL_SUPPORT', amountFen: '200', purpose: '设备' }],
    });
    expect(parseProjectBudget(null)).toEqual({ totalFen: '0', lines: [] });
  });

  it('reads a report, its year only when whole', () => {
    expect(
      parseProgressReport({
        kind: 'ANNUAL',
        year: 2027.5,
        submittedOn: '2028-01-10',
        summary: '进展',
        milestones: [
          { title: '样机', status: 'DONE', note: '' },
          { title: 'x', status: 'MAYBE' },
        ],
      }),
    ).toEqual({
      kind: 'ANNUAL',
      year: null,
      submittedOn: '2028-01-10',
      summary: '进展',
      milestones: [{ title: '样机', status: 'DONE', note: '' }],
    });
    expect(parseProgressReport({ kind: 'FINAL' })).toBeNull();
  });
});
