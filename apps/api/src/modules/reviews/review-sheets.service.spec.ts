import { type MeasuresParameters, REVIEW_CRITERIA } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../common/clock';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import type { AuditEntry, AuditService } from '../audit/audit.service';
import type { SaveReviewSheetInput } from './dto/review.input';
import type { ExpertAssignmentEntity } from './expert-assignment.entity';
import type { PanelsService } from './panels.service';
import type { ReviewProgressService } from './review-progress.service';
import type { ReviewSheetEntity } from './review-sheet.entity';
import { ReviewSheetsService } from './review-sheets.service';
import type { ReviewSubject } from './review-subject';
import type { ReviewsRepository } from './reviews.repository';

// The score-sheet service's decisions with the repository stubbed: whose sheet, which state of
// the seat, the application and the sheet, stale versions and lost races, what is audited.

const expertViewer: Viewer = {
  userId: 'u-expert',
  tenantId: 't-province',
  tenantLevel: 'PROVINCE',
  roles: ['EXPERT'],
  sessionId: 's1',
};
const officer: Viewer = { ...expertViewer, userId: 'u-officer', roles: ['PROVINCE_OFFICER'] };
const now = new Date('2026-12-05T02:00:00Z');

const subject = (state = 'IN_REVIEW') =>
  ({ type: 'pilot_application', id: 'a1', state, batchId: 'c1', dossier: null }) as ReviewSubject;
const seat = (extra: Partial<ExpertAssignmentEntity> = {}) =>
  ({ id: 'x1', applicationId: 'a1', expertId: 'e1', withdrawnAt: null, ...extra }) as ExpertAssignmentEntity;
const sheet = (extra: Partial<ReviewSheetEntity> = {}) =>
  ({
    id: 'sh1',
    assignmentId: 'x1',
    applicationId: 'a1',
    expertId: 'e1',
    status: 'DRAFT',
    scores: {},
    comments: {},
    overallOpinion: '',
    recommendation: null,
    submittedAt: null,
    reopenedAt: null,
    reopenReason: null,
    version: 3,
    ...extra,
  }) as ReviewSheetEntity;

function setup(
  state: {
    seat?: ExpertAssignmentEntity | null;
    subject?: ReviewSubject;
    sheet?: ReviewSheetEntity;
    writes?: boolean;
  } = {},
) {
  const audits: AuditEntry[] = [];
  const writes: string[] = [];
  const repository: Partial<ReviewsRepository> = {
    ownSeat: () => Promise.resolve(state.seat === undefined ? seat() : state.seat),
    seat: () => Promise.resolve(state.seat === undefined ? seat() : state.seat),
    subject: () => Promise.resolve(state.subject ?? subject()),
    sheetOfSeat: () => Promise.resolve(state.sheet ?? sheet()),
    sheet: () => Promise.resolve(state.sheet ?? sheet()),
    expert: () => Promise.resolve(null),
    saveDraftSheet: () => (writes.push('save'), Promise.resolve(state.writes !== false)),
    reopenSheet: () => (writes.push('reopen'), Promise.resolve(state.writes !== false)),
  };
  const review = {
    criteria: REVIEW_CRITERIA.map((key) => ({ key, weight: 100 / REVIEW_CRITERIA.length })),
  };
  const progress: Partial<ReviewProgressService> = {
    parametersOf: () =>
      Promise.resolve({ parameters: { review } as MeasuresParameters, measuresId: 'm1', versionNo: 1 }),
  };
  const panels: Partial<PanelsService> = { received: () => Promise.resolve(state.subject ?? subject()) };
  const audit = { record: (_db: unknown, entry: AuditEntry) => (audits.push(entry), Promise.resolve()) };
  const clock: Clock = { now: () => now };
  const service = new ReviewSheetsService(
    repository as ReviewsRepository,
    audit as unknown as AuditService,
    clock,
    panels as PanelsService,
    progress as ReviewProgressService,
  );
  // A stale save reads who changed the sheet last: nobody, here.
  const ctx = { db: { query: () => Promise.resolve([]) } as unknown as EntityManager } as RequestContext;
  return { service, ctx, audits, writes };
}

const draftInput = (extra: Partial<SaveReviewSheetInput> = {}): SaveReviewSheetInput => ({
  assignmentId: 'x1',
  version: 3,
  scores: [],
  overallOpinion: '',
  submit: false,
  ...extra,
});

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: { extensions?: { code?: string } }) => error.extensions?.code,
  );

describe('an expert saving their sheet', () => {
  it('is an expert’s step: staff are refused', async () => {
    const { service, ctx, writes } = setup();
    expect(await code(service.save(ctx, officer, draftInput()))).toBe('FORBIDDEN');
    expect(writes).toEqual([]);
  });

  it.each<[string, Parameters<typeof setup>[0], string]>([
    ['a seat that is not theirs', { seat: null }, 'NOT_FOUND'],
    ['a seat withdrawn from them', { seat: seat({ withdrawnAt: now }) }, 'SEAT_WITHDRAWN'],
    ['an application not in review', { subject: subject('ACCEPTED') }, 'REVIEW_NOT_OPEN'],
    ['a submitted sheet', { sheet: sheet({ status: 'SUBMITTED' }) }, 'REVIEW_SHEET_LOCKED'],
  ])('refuses %s and writes nothing', async (_name, state, expected) => {
    const { service, ctx, writes, audits } = setup(state);
    expect(await code(service.save(ctx, expertViewer, draftInput()))).toBe(expected);
    expect([writes, audits]).toEqual([[], []]);
  });

  it('answers a stale version with the generic stale-edit CONFLICT and audits nothing', async () => {
    const { service, ctx, audits } = setup({ writes: false });
    await expect(service.save(ctx, expertViewer, draftInput())).rejects.toMatchObject({
      extensions: { code: 'CONFLICT', staleEdit: { record: '评分表' } },
    });
    expect(audits).toEqual([]);
  });

  it('saves a draft and audits the save', async () => {
    const { service, ctx, audits, writes } = setup();
    await service.save(ctx, expertViewer, draftInput({ overallOpinion: '初步意见' }));
    expect(writes).toEqual(['save']);
    expect(audits.map((a) => a.action)).toEqual(['review_sheet.save']);
  });

  it('refuses to submit an incomplete sheet, naming what is missing', async () => {
    const { service, ctx, writes } = setup();
    await expect(service.save(ctx, expertViewer, draftInput({ submit: true }))).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(writes).toEqual([]);
  });
});

describe('the authority reopening a sheet', () => {
  const reopen = { sheetId: 'sh1', reason: '评分与意见不一致' };

  it('is the staff’s step: an expert is refused', async () => {
    const { service, ctx } = setup({ sheet: sheet({ status: 'SUBMITTED' }) });
    expect(await code(service.reopen(ctx, expertViewer, reopen))).toBe('FORBIDDEN');
  });

  it.each<[string, Parameters<typeof setup>[0], string]>([
    ['a sheet not submitted', { sheet: sheet() }, 'REVIEW_SHEET_NOT_SUBMITTED'],
    [
      'the sheet of a withdrawn seat',
      { sheet: sheet({ status: 'SUBMITTED' }), seat: seat({ withdrawnAt: now }) },
      'SEAT_WITHDRAWN',
    ],
    [
      'an application no longer in review',
      { sheet: sheet({ status: 'SUBMITTED' }), subject: subject('REVIEWED') },
      'REVIEW_NOT_OPEN',
    ],
  ])('refuses %s', async (_name, state, expected) => {
    const { service, ctx, writes } = setup(state);
    expect(await code(service.reopen(ctx, officer, reopen))).toBe(expected);
    expect(writes).toEqual([]);
  });

  it('loses a race to another reopening with REVIEW_SHEET_CHANGED and audits nothing', async () => {
    const { service, ctx, audits } = setup({ sheet: sheet({ status: 'SUBMITTED' }), writes: false });
    expect(await code(service.reopen(ctx, officer, reopen))).toBe('REVIEW_SHEET_CHANGED');
    expect(audits).toEqual([]);
  });

  it('reopens a submitted sheet and audits it with the reason', async () => {
    const { service, ctx, audits } = setup({ sheet: sheet({ status: 'SUBMITTED' }) });
    await service.reopen(ctx, officer, reopen);
    expect(audits).toEqual([
      expect.objectContaining({
        action: 'review_sheet.reopen',
        after: expect.objectContaining({ reason: '评分与意见不一致' }) as unknown,
      }),
    ]);
  });
});
