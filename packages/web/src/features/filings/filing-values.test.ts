import type { FilingAction, FilingState } from '@xiangmeng/domain';
import { describe, expect, it } from 'vitest';
import {
  actionAsks,
  CERTIFIED_FILING_STATES,
  filingActionsOf,
  filingGaps,
  filingProgress,
  filingTimelineLabel,
  guardsKnownToFail,
  IN_FORCE_FILING_STATES,
  roundLabel,
  type KnownFacts,
} from './filing-values';

const FULL = { reviewRequired: true, noticeDays: 7 };
const SHORT = { reviewRequired: false, noticeDays: 0 };

describe('actionAsks', () => {
  it.each<[FilingState, FilingAction, boolean, boolean]>([
    ['SUBMITTED', 'RETURN', true, true],
    ['SUBMITTED', 'REFUSE', true, false],
    ['SUBMITTED', 'ACCEPT', false, false],
    ['DRAFT', 'SUBMIT', false, false],
    ['FILED', 'SUBMIT_CHANGE', true, false],
    ['FILED', 'SUSPEND', true, false],
    ['CHANGE_SUBMITTED', 'ACCEPT_CHANGE', false, false],
    ['CHANGE_SUBMITTED', 'RETURN_CHANGE', true, false],
    ['DRAFT', 'WITHDRAW', true, false],
    ['ACCEPTED', 'FILE', false, false],
  ])('%s → %s asks reason %s, deadline %s', (state, action, reason, correctionDeadline) => {
    expect(actionAsks(state, action)).toEqual({ reason, correctionDeadline });
  });

  it('asks nothing for an action the state does not offer', () => {
    expect(actionAsks('DRAFT', 'FILE')).toEqual({ reason: false, correctionDeadline: false });
  });
});

describe('filingProgress', () => {
  it.each<[string, typeof FULL, FilingState, number, string, string | null]>([
    ['a draft', FULL, 'DRAFT', 0, 'process', null],
    ['in review on the full route', FULL, 'IN_REVIEW', 3, 'process', null],
    ['publicised', FULL, 'PUBLICISED', 5, 'process', null],
    ['filed on the full route', FULL, 'FILED', 6, 'finish', null],
    ['filed on the short route', SHORT, 'FILED', 3, 'finish', null],
    ['returned', FULL, 'RETURNED', 1, 'error', '退回修改'],
    ['a change under review', SHORT, 'CHANGE_SUBMITTED', 3, 'process', '变更备案待审'],
    ['suspended', SHORT, 'SUSPENDED', 3, 'error', '暂停'],
  ])('%s', (_name, round, state, current, status, note) => {
    expect(filingProgress(round, state, [])).toMatchObject({ current, status, note });
  });

  it('lists the round route', () => {
    expect(filingProgress(SHORT, 'DRAFT', []).route).toEqual(['DRAFT', 'SUBMITTED', 'ACCEPTED', 'FILED']);
  });

  it.each<[string, FilingState, (string | null)[], number]>([
    ['refused at the formal check', 'REFUSED', ['DRAFT', 'DRAFT', 'SUBMITTED', 'REFUSED'], 1],
    [
      'refused after review',
      'REFUSED',
      ['DRAFT', 'SUBMITTED', 'ACCEPTED', 'IN_REVIEW', 'REVIEWED', 'REFUSED'],
      4,
    ],
    ['lapsed after a return', 'REFUSED', ['DRAFT', 'SUBMITTED', 'RETURNED', 'RETURNED', 'REFUSED'], 1],
    [
      'withdrawn once filed, with entries that name no state',
      'WITHDRAWN',
      ['SUBMITTED', 'FILED', null, 'WITHDRAWN'],
      6,
    ],
    ['revoked while suspended', 'REVOKED', ['FILED', 'SUSPENDED', 'REVOKED'], 6],
    ['withdrawn as a draft', 'WITHDRAWN', ['WITHDRAWN'], 0],
    ['ended with no timeline entry', 'WITHDRAWN', [], 0],
  ])('%s is shown where it ended', (_name, state, states, current) => {
    const timeline = states.map((toState) => ({ toState }));
    expect(filingProgress(FULL, state, timeline)).toMatchObject({ current, status: 'error' });
  });
});

describe('filing states read from the table', () => {
  it('in force: filed, changing, suspended', () => {
    expect([...IN_FORCE_FILING_STATES].sort()).toEqual(['CHANGE_SUBMITTED', 'FILED', 'SUSPENDED']);
  });

  it('certified: in force and not suspended', () => {
    expect([...CERTIFIED_FILING_STATES].sort()).toEqual(['CHANGE_SUBMITTED', 'FILED']);
  });

  it('keeps only the actions this app knows', () => {
    expect(filingActionsOf(['SUBMIT', 'TELEPORT', 'WITHDRAW'])).toEqual(['SUBMIT', 'WITHDRAW']);
  });
});

describe('filingGaps', () => {
  const round = {
    requiredDocuments: ['RECOMMENDATION_LETTER', 'FILING_FORM'],
    documentNumber: '湘科函〔2027〕8号',
  };

  it('lists the statement, the level and each missing document', () => {
    const gaps = filingGaps({ significance: '', level: null, documents: [{ kind: 'FILING_FORM' }], round });
    expect(gaps).toHaveLength(3);
    expect(gaps[2]).toContain('推荐函');
  });

  it('is empty for a complete dossier', () => {
    expect(
      filingGaps({
        significance: '联盟牵头制定行业标准三项，带动全省上下游企业两百余家协同创新。',
        level: 'PROVINCIAL',
        documents: [{ kind: 'RECOMMENDATION_LETTER' }, { kind: 'FILING_FORM' }],
        round,
      }),
    ).toEqual([]);
  });
});

describe('filingTimelineLabel', () => {
  it.each([
    ['SUBMIT', '提交备案'],
    ['filing.return', '退回修改'],
    ['filing.create', '创建备案'],
    ['filing.recommend_national', '推荐参加国家层面试点'],
    ['filing.something_else', '其他操作'],
  ])('%s reads %s', (action, label) => {
    expect(filingTimelineLabel(action)).toBe(label);
  });
});

describe('roundLabel', () => {
  it('names the year and the notice', () => {
    expect(roundLabel({ year: 2027, documentNumber: '湘科函〔2027〕8号' })).toBe(
      '2027 年度备案批次（湘科函〔2027〕8号）',
    );
  });
});

describe('guardsKnownToFail', () => {
  const facts: KnownFacts = {
    today: '2027-03-10',
    roundOpen: true,
    noticeEndsOn: null,
    correctionDeadline: null,
    unansweredObjections: 0,
  };
  it.each<[string, FilingState, FilingAction, Partial<KnownFacts>, string[]]>([
    [
      'filing during the notice',
      'PUBLICISED',
      'FILE',
      { noticeEndsOn: '2027-03-12' },
      ['NOTICE_PERIOD_OVER'],
    ],
    [
      "on the notice's last day",
      'PUBLICISED',
      'FILE',
      { noticeEndsOn: '2027-03-10' },
      ['NOTICE_PERIOD_OVER'],
    ],
    [
      'after the notice, an objection open',
      'PUBLICISED',
      'FILE',
      { noticeEndsOn: '2027-03-09', unansweredObjections: 1 },
      ['OBJECTIONS_ANSWERED'],
    ],
    ['after the notice, all answered', 'PUBLICISED', 'REFUSE', { noticeEndsOn: '2027-03-09' }, []],
    ['a draft outside the window', 'DRAFT', 'SUBMIT', { roundOpen: false }, ['ROUND_OPEN']],
    [
      'a returned one after its deadline',
      'RETURNED',
      'SUBMIT',
      { roundOpen: false, correctionDeadline: '2027-03-09' },
      ['CORRECTION_DEADLINE_NOT_PASSED'],
    ],
    ['a returned one on its deadline', 'RETURNED', 'SUBMIT', { correctionDeadline: '2027-03-10' }, []],
  ])('%s', (_name, state, action, given, failing) => {
    expect(guardsKnownToFail(state, action, { ...facts, ...given })).toEqual(failing);
  });
});
