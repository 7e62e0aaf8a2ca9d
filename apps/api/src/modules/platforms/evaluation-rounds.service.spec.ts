import type { Expert } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import type { AuditEntry, AuditService } from '../audit/audit.service';
import type { MessagesService } from '../messages/messages.service';
import type { ExpertEntity } from '../reviews/expert.entity';
import type { ExpertsService } from '../reviews/experts.service';
import type {
  EvaluationRoundRow,
  EvaluationRoundsRepository,
  RoundPlatformRow,
  RoundSheetRow,
} from './evaluation-rounds.repository';
import { EvaluationRoundsService } from './evaluation-rounds.service';
import type { PlatformsRepository } from './platforms.repository';
import type { PlatformsService } from './platforms.service';

// The round service's decisions with the repository and collaborators stubbed: who may seat,
// recusal by platform and refusal of an expert tied to every platform, and no closing while a
// platform lacks its scheme's sheets. test/platforms/platform-evaluation-round.test.ts covers the
// SQL, row security and the whole round.

const officer: Viewer = {
  userId: 'u-officer',
  tenantId: 't-province',
  tenantLevel: 'PROVINCE',
  roles: ['PROVINCE_OFFICER'],
  sessionId: 's1',
};
const ROUND: EvaluationRoundRow = {
  id: 'r1',
  tenantId: 't-province',
  year: 2030,
  field: 'SE0205',
  fieldName: '海洋工程装备产业',
  status: 'OPEN',
  evaluatedOn: null,
  version: 1,
  openedAt: new Date(),
  closedAt: null,
};
const platform = (id: string): RoundPlatformRow => ({
  roundId: 'r1',
  platformId: id,
  due: 'PERIODIC',
  evaluationId: null,
  name: `平台${id}`,
  kind: 'ENGINEERING_RESEARCH_CENTRE',
  status: 'RECOGNISED',
  hostName: '依托单位',
  allianceName: '联盟',
  recognisedOn: '2027-06-01',
  rectificationDueOn: null,
  grade: null,
  total: null,
});
const entity = (id: string): ExpertEntity =>
  ({ id, name: `专家${id}`, userId: `u-${id}`, available: true, unavailableReason: '' }) as ExpertEntity;

function setup(affiliations: Record<string, string[]>, sheets: RoundSheetRow[] = []) {
  const seated: { expertId: string; platformIds: readonly string[] }[] = [];
  const audited: AuditEntry[] = [];
  const rounds = {
    find: () => Promise.resolve(ROUND),
    platformsOf: () => Promise.resolve([platform('p1'), platform('p2')]),
    membersOf: () =>
      Promise.resolve([
        { platformId: 'p1', organizationId: 'host-1', role: 'HOST' as const },
        { platformId: 'p2', organizationId: 'host-2', role: 'HOST' as const },
      ]),
    seatsOf: () => Promise.resolve([]),
    sheetsOf: () => Promise.resolve(sheets),
    insertSeat: (_db: EntityManager, s: { expertId: string }) => Promise.resolve(`seat-${s.expertId}`),
    insertSheets: (_db: EntityManager, s: { expertId: string }, platformIds: readonly string[]) => {
      seated.push({ expertId: s.expertId, platformIds });
      return Promise.resolve();
    },
    close: () => Promise.resolve(true),
  } as unknown as EvaluationRoundsRepository;
  const experts = {
    expert: (_db: EntityManager, _v: Viewer, id: string) => Promise.resolve(entity(id)),
    domainExperts: (_db: EntityManager, _v: Viewer, list: readonly ExpertEntity[]): Promise<Expert[]> =>
      Promise.resolve(
        list.map((e) => ({
          id: e.id,
          name: e.name,
          domains: [],
          affiliations: affiliations[e.id] ?? [],
          declaredConflicts: [],
          available: true,
          reviewsThisYear: 0,
        })),
      ),
    tieLabels: () => Promise.resolve(new Map([['host-1', '甲公司']])),
  } as unknown as ExpertsService;
  const audit = { record: (_db: EntityManager, e: AuditEntry) => Promise.resolve(void audited.push(e)) };
  const messages = { post: () => Promise.resolve() } as unknown as MessagesService;
  const service = new EvaluationRoundsService(
    rounds,
    {} as PlatformsRepository,
    {} as PlatformsService,
    experts,
    audit as unknown as AuditService,
    messages,
    { now: () => new Date('2030-06-01T10:00:00+08:00') },
  );
  const ctx = { db: {} as EntityManager } as RequestContext;
  return { service, ctx, seated, audited };
}

describe('seating experts of the pool on a round', () => {
  it('an expert tied to one host sits out that platform only; the seating is audited', async () => {
    const { service, ctx, seated, audited } = setup({ e1: ['host-1'], e2: ['elsewhere'] });
    await service.seat(ctx, officer, { roundId: 'r1', expertIds: ['e1', 'e2'] });
    expect(seated).toEqual([
      { expertId: 'e1', platformIds: ['p2'] },
      { expertId: 'e2', platformIds: ['p1', 'p2'] },
    ]);
    expect(audited.map((a) => a.action)).toEqual(['platform_evaluation_round.seat']);
  });

  it('an expert tied to every platform is refused (EXPERT_CONFLICT naming them); nobody is seated', async () => {
    const { service, ctx, seated } = setup({ e1: ['host-1', 'host-2'] });
    await expect(
      service.seat(ctx, officer, { roundId: 'r1', expertIds: ['e2', 'e1'] }),
    ).rejects.toMatchObject({
      code: 'EXPERT_CONFLICT',
    });
    expect(seated).toEqual([]);
  });

  it('an expert may not seat anyone', async () => {
    const { service, ctx } = setup({});
    await expect(
      service.seat(ctx, { ...officer, roles: ['EXPERT'] }, { roundId: 'r1', expertIds: ['e1'] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('closing a round', () => {
  const sheet = (platformId: string, expertId: string, status: 'DRAFT' | 'SUBMITTED'): RoundSheetRow => ({
    id: `${platformId}-${expertId}`,
    roundId: 'r1',
    seatId: `seat-${expertId}`,
    platformId,
    expertId,
    expertName: expertId,
    scores: { engineering: 80, transfer: 80, teamBuilding: 80, management: 80 },
    status,
    submittedAt: status === 'SUBMITTED' ? new Date() : null,
    version: 2,
  });
  it('is refused while a platform has fewer submitted sheets than its scheme needs, naming it', async () => {
    const { service, ctx, audited } = setup({}, [
      ...['e1', 'e2', 'e3'].map((e) => sheet('p1', e, 'SUBMITTED')),
      sheet('p2', 'e1', 'SUBMITTED'),
      sheet('p2', 'e2', 'SUBMITTED'),
      sheet('p2', 'e3', 'DRAFT'),
    ]);
    const refusal = service.close(ctx, officer, { roundId: 'r1', version: 1 });
    await expect(refusal).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(refusal).rejects.toThrow('平台p2');
    expect(audited).toEqual([]);
  });

  it('a stale version is told the round moved', async () => {
    const { service, ctx } = setup({});
    await expect(service.close(ctx, officer, { roundId: 'r1', version: 7 })).rejects.toMatchObject({
      code: 'PLATFORM_ROUND_CHANGED',
    });
  });
});
