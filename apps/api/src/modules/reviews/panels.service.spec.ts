import type { Expert, MeasuresParameters } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import type { AuditEntry, AuditService } from '../audit/audit.service';
import type { Posting } from '../messages/messages.repository';
import type { MessagesService } from '../messages/messages.service';
import type { CallsService } from '../calls/calls.service';
import type { ExpertAssignmentEntity } from './expert-assignment.entity';
import type { ExpertEntity } from './expert.entity';
import type { ExpertModel } from './expert.model';
import type { ExpertsService } from './experts.service';
import { PanelsService } from './panels.service';
import type { ReviewProgressService } from './review-progress.service';
import type { ReviewSubject } from './review-subject';
import type { NewSeat, ReviewsRepository, SeatRefusal } from './reviews.repository';

// The panel service's decisions with the repository and its collaborators stubbed: who may
// ask, which application, which state, the domain's panel rules, a seat the database refuses,
// and what is audited. test/reviews covers the SQL, the trigger and row security.

const officer: Viewer = {
  userId: 'u-officer',
  tenantId: 't-province',
  tenantLevel: 'PROVINCE',
  roles: ['PROVINCE_OFFICER'],
  sessionId: 's1',
};
const expertViewer: Viewer = { ...officer, userId: 'u-expert', roles: ['EXPERT'] };
const MEMBER = '11111111-1111-4111-8111-111111111111';

function application(overrides: Partial<ReviewSubject> = {}): ReviewSubject {
  return {
    id: 'a1',
    tenantId: 't-city',
    authorityTenantId: 't-province',
    allianceId: 'al1',
    recommendingTenantId: 't-city',
    type: 'pilot_application',
    batchId: 'c1',
    state: 'ACCEPTED',
    recommendedAt: new Date('2026-11-01T00:00:00Z'),
    memberOrganizationIds: [MEMBER],
    dossier: { alliance: { industryCode: 'SE0802' } },
    ...overrides,
  };
}

function expert(id: string, extra: Partial<Expert> = {}): Expert {
  return {
    id,
    name: `专家${id}`,
    domains: ['SE0802'],
    affiliations: [`org-${id}`],
    declaredConflicts: [],
    available: true,
    reviewsThisYear: 0,
    ...extra,
  };
}

const entityOf = (e: Expert) =>
  ({ id: e.id, name: e.name, userId: `user-${e.id}`, unavailableReason: '' }) as ExpertEntity;

function setup(options: {
  subject?: ReviewSubject | null;
  pool?: Expert[];
  seats?: Partial<ExpertAssignmentEntity>[];
  refuseSeat?: SeatRefusal;
}) {
  const pool = options.pool ?? [expert('e1'), expert('e2'), expert('e3')];
  const byId = new Map(pool.map((e) => [e.id, e]));
  const audits: AuditEntry[] = [];
  const seated: NewSeat[] = [];
  const withdrawn: string[] = [];
  const reads: string[] = [];
  const notices: Posting[] = [];
  const repository: Partial<ReviewsRepository> = {
    subject: (_db, id) => (
      reads.push(id),
      Promise.resolve(options.subject === undefined ? application() : options.subject)
    ),
    lockSubject: () => Promise.resolve(),
    allianceIndustryCode: () => Promise.resolve(null),
    industry: (_db, code) =>
      Promise.resolve({ code, name: '数字文化创意活动', parentCode: 'SE08', category: 'X' } as never),
    expert: (_db, _t, id) => Promise.resolve(byId.has(id) ? entityOf(byId.get(id)!) : null),
    experts: (_db, _t, ids) => Promise.resolve(ids.map((id) => entityOf(byId.get(id)!))),
    seat: (_db, _t, id) =>
      Promise.resolve(
        (options.seats ?? []).some((s) => s.id === id)
          ? ({ id, applicationId: 'a1' } as ExpertAssignmentEntity)
          : null,
      ),
    activeSeats: () =>
      Promise.resolve((options.seats ?? []).filter((s) => !s.withdrawnAt) as ExpertAssignmentEntity[]),
    sheetsOfSeats: () => Promise.resolve([]),
    withdrawSeats: (_db, w) => (withdrawn.push(w.assignmentId ?? 'all'), Promise.resolve([])),
    insertSeat: (_db, seat) => {
      if (options.refuseSeat) return Promise.resolve(options.refuseSeat);
      seated.push(seat);
      return Promise.resolve({ id: `seat-${seat.expertId}` });
    },
  };
  const experts: Partial<ExpertsService> = {
    pool: () => Promise.resolve(pool.map(entityOf)),
    domainExperts: (_db, _v, list) => Promise.resolve(list.map((e) => byId.get(e.id)!)),
    toModels: (_db, _v, list) =>
      Promise.resolve(list.map((e) => ({ id: e.id, name: e.name }) as ExpertModel)),
    tieLabels: (_db, keys) => Promise.resolve(new Map(keys.map((k) => [k, `单位${k.slice(0, 4)}`]))),
    reviewYear: () => 2026,
  };
  const review = { expertsPerApplication: 3, maxReviewsPerExpertPerYear: 5 };
  const progress: Partial<ReviewProgressService> = {
    parametersOf: () =>
      Promise.resolve({ parameters: { review } as MeasuresParameters, measuresId: 'm1', versionNo: 1 }),
    aggregate: () => Promise.resolve(null),
  };
  const audit = { record: (_db: unknown, entry: AuditEntry) => (audits.push(entry), Promise.resolve()) };
  const service = new PanelsService(
    repository as ReviewsRepository,
    audit as unknown as AuditService,
    experts as ExpertsService,
    progress as ReviewProgressService,
    {} as CallsService,
    {
      post: (_db: unknown, posting: Posting) => Promise.resolve(notices.push(posting)),
    } as unknown as MessagesService,
  );
  const ctx = { db: {} as EntityManager } as RequestContext;
  return { service, ctx, audits, seated, withdrawn, reads, notices };
}

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: { extensions?: { code?: string } }) => error.extensions?.code,
  );

describe('proposing a panel', () => {
  it('is the authority staff’s: an expert is refused before anything is read', async () => {
    const { service, ctx, reads } = setup({});
    expect(await code(service.propose(ctx.db, expertViewer, 'a1'))).toBe('FORBIDDEN');
    expect(reads).toEqual([]);
  });

  it.each([
    ['another authority’s application', application({ authorityTenantId: 't-other' })],
    ['one not yet recommended', application({ recommendedAt: null })],
    ['one that does not exist', null],
  ])('answers NOT_FOUND for %s', async (_name, subject) => {
    const { service, ctx } = setup({ subject });
    expect(await code(service.propose(ctx.db, officer, 'a1'))).toBe('NOT_FOUND');
  });

  it('refuses an application past review with PANEL_CLOSED', async () => {
    const { service, ctx } = setup({ subject: application({ state: 'REVIEWED' }) });
    expect(await code(service.propose(ctx.db, officer, 'a1'))).toBe('PANEL_CLOSED');
  });

  it('fills the seats it can and names the empty one with why', async () => {
    const { service, ctx } = setup({
      pool: [expert('e1'), expert('e2'), expert('m', { affiliations: [MEMBER] })],
    });
    const proposal = await service.propose(ctx.db, officer, 'a1');
    expect(proposal.experts!.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(proposal.unfilledSeats).toEqual([
      {
        seat: 3,
        requirement: expect.stringContaining('数字文化创意活动领域') as unknown,
        reason: '该领域其余 1 名专家均任职于申报联盟的成员单位',
      },
    ]);
    expect(proposal.explanation).toContain('需要 3 名专家');
    expect(await service.canForm(ctx.db, officer, application())).toMatchObject({ possible: false });
  });

  it('answers a complete proposal with no empty seat, and canForm says yes', async () => {
    const { service, ctx } = setup({});
    const proposal = await service.propose(ctx.db, officer, 'a1');
    expect(proposal.experts).toHaveLength(3);
    expect(proposal.unfilledSeats).toEqual([]);
    expect(proposal.explanation).toBeNull();
    expect(await service.canForm(ctx.db, officer, application())).toEqual({
      possible: true,
      explanation: null,
    });
  });
});

describe('candidates for a panel', () => {
  it('marks a conflicted expert with the rule and the organization, the others with none', async () => {
    const { service, ctx } = setup({
      pool: [
        expert('e1'),
        expert('m', { affiliations: [MEMBER] }),
        expert('d', { declaredConflicts: ['bureau:t-city'] }),
      ],
    });
    const candidates = await service.candidates(ctx.db, officer, 'a1');
    const of = (id: string) => candidates.find((c) => c.expert.id === id)!.conflicts;
    expect(of('e1')).toEqual([]);
    expect(of('m')).toEqual([
      {
        code: 'AFFILIATED_WITH_MEMBER',
        organizationLabel: '单位1111',
        message: '任职于联盟成员单位（单位1111）',
      },
    ]);
    expect(of('d').map((c) => c.code)).toEqual(['DECLARED_CONFLICT']);
  });

  it('is the authority staff’s only', async () => {
    const { service, ctx } = setup({});
    expect(await code(service.candidates(ctx.db, expertViewer, 'a1'))).toBe('FORBIDDEN');
  });
});

describe('assigning a panel', () => {
  const input = { applicationId: 'a1', expertIds: ['e1', 'e2', 'e3'] };

  it('seats the experts after withdrawing any earlier panel, and audits it once', async () => {
    const { service, ctx, audits, seated, withdrawn, notices } = setup({});
    await service.assign(ctx, officer, input);
    expect(withdrawn).toEqual(['all']);
    expect(seated.map((s) => s.expertId)).toEqual(['e1', 'e2', 'e3']);
    expect(audits.map((a) => a.action)).toEqual(['expert_assignment.assign_panel']);
    // Each seated expert is told, at their own account, with a link to the new sheet.
    expect(notices.map((n) => [n.kind, 'userId' in n.to ? n.to.userId : null])).toEqual([
      ['EXPERT_SEATED', 'user-e1'],
      ['EXPERT_SEATED', 'user-e2'],
      ['EXPERT_SEATED', 'user-e3'],
    ]);
    expect(notices[0]!.link).toMatch(/^\/reviews\/mine\//);
  });

  it('refuses once the review has started with PANEL_FORMING_CLOSED', async () => {
    const { service, ctx, seated } = setup({ subject: application({ state: 'IN_REVIEW' }) });
    expect(await code(service.assign(ctx, officer, input))).toBe('PANEL_FORMING_CLOSED');
    expect(seated).toEqual([]);
  });

  it('refuses a conflicted expert with EXPERT_CONFLICT and writes nothing', async () => {
    const { service, ctx, audits, seated, withdrawn } = setup({
      pool: [expert('e1'), expert('e2'), expert('e3', { affiliations: [MEMBER] })],
    });
    expect(await code(service.assign(ctx, officer, input))).toBe('EXPERT_CONFLICT');
    expect([seated, withdrawn, audits]).toEqual([[], [], []]);
  });

  it('answers the database’s refusal of a seat (a tie it learned meanwhile) with EXPERT_CONFLICT and no audit', async () => {
    const { service, ctx, audits } = setup({ refuseSeat: { refused: 'CONFLICT', tieId: MEMBER } });
    const refused = service.assign(ctx, officer, input);
    await expect(refused).rejects.toMatchObject({
      extensions: { code: 'EXPERT_CONFLICT', violations: [{ field: 'expertIds', rule: 'CONFLICT' }] },
    });
    expect(audits).toEqual([]);
  });
});

describe('swapping a panel member', () => {
  it('refuses a seat already withdrawn with SEAT_WITHDRAWN', async () => {
    const { service, ctx, seated } = setup({ seats: [{ id: 's1', withdrawnAt: new Date() }] });
    const swap = service.swap(ctx, officer, { assignmentId: 's1', expertId: 'e2', reason: '回避' });
    expect(await code(swap)).toBe('SEAT_WITHDRAWN');
    expect(seated).toEqual([]);
  });

  it('answers NOT_FOUND for a seat of no panel of the viewer', async () => {
    const { service, ctx } = setup({});
    expect(
      await code(service.swap(ctx, officer, { assignmentId: 's9', expertId: 'e2', reason: '回避' })),
    ).toBe('NOT_FOUND');
  });
});
