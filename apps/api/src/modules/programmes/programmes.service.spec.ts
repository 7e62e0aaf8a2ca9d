import { HUNAN_2016_PARAMETERS } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../common/clock';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import type { AuditEntry, AuditService } from '../audit/audit.service';
import type { CallMeasuresService } from '../calls/call-measures.service';
import type { MeasuresEntity } from '../measures/measures.entity';
import type { MeasuresService } from '../measures/measures.service';
import type { ProgrammeEntity } from './programme.entity';
import type { NewProgramme, ProgrammesRepository } from './programmes.repository';
import { ProgrammesService } from './programmes.service';

// The programmes service's decisions with its repository stubbed: what a draft takes from the
// measures, who may publish, which version, and what is audited. The database tests
// (test/programmes) cover the SQL and row security.

const officer: Viewer = {
  userId: 'u-officer',
  tenantId: 't-province',
  tenantLevel: 'PROVINCE',
  roles: ['PROVINCE_OFFICER'],
  sessionId: 's1',
};
const admin: Viewer = { ...officer, userId: 'u-admin', roles: ['PROVINCE_ADMIN'] };
const now = new Date('2027-03-01T02:00:00Z');
const measures = { id: 'm1', tenantId: 't-province', versionNo: 1 } as MeasuresEntity;

function draft(overrides: Partial<ProgrammeEntity> = {}): ProgrammeEntity {
  return {
    id: 'p1',
    tenantId: 't-province',
    name: '2027 年度省级科技计划产学研项目',
    kind: 'PLAN_PROJECT',
    year: 2027,
    totalBudgetFen: '5000000000',
    perProjectCapFen: '300000000',
    measuresTenantId: 't-province',
    measuresId: 'm1',
    measuresVersionNo: 1,
    criteria: HUNAN_2016_PARAMETERS.review.criteria,
    awardNoticeDays: 5,
    acceptanceNoticeDays: 5,
    status: 'DRAFT',
    publishedAt: null,
    version: 2,
    createdAt: now,
    createdBy: 'u-officer',
    updatedAt: now,
    ...overrides,
  };
}

function setup(stored: ProgrammeEntity | null, options: { writes?: boolean } = {}) {
  let row = stored;
  const audits: AuditEntry[] = [];
  const inserted: NewProgramme[] = [];
  const repository: Partial<ProgrammesRepository> = {
    find: () => Promise.resolve(row),
    insert: (_db, programme) => {
      inserted.push(programme);
      row = draft({ ...programme, id: 'p-new', version: 1 });
      return Promise.resolve('p-new');
    },
    publish: (_db, _id, version, at) => {
      if (options.writes === false || !row) return Promise.resolve(false);
      row = { ...row, status: 'PUBLISHED', publishedAt: at, version: version + 1 };
      return Promise.resolve(true);
    },
  };
  const measuresService = {
    inForce: () =>
      Promise.resolve({
        asOf: '2027-03-01',
        province: measures,
        local: null,
        parameters: HUNAN_2016_PARAMETERS,
      }),
  } as unknown as MeasuresService;
  const audit = { record: (_db: unknown, entry: AuditEntry) => (audits.push(entry), Promise.resolve()) };
  const clock: Clock = { now: () => now };
  const service = new ProgrammesService(
    repository as ProgrammesRepository,
    measuresService,
    {} as CallMeasuresService,
    audit as unknown as AuditService,
    clock,
  );
  const ctx = { db: {} as EntityManager } as RequestContext;
  return { service, ctx, audits, inserted };
}

const input = {
  name: ' 2027 年度省级科技计划产学研项目 ',
  kind: 'PLAN_PROJECT',
  year: 2027,
  totalBudgetFen: ' 0005000000000',
  perProjectCapFen: '',
};

describe('drafting a programme', () => {
  it('takes what it leaves open from the measures in force, and records which version', async () => {
    const { service, ctx, inserted, audits } = setup(null);
    await service.create(ctx, officer, input);
    expect(inserted).toEqual([
      expect.objectContaining({
        name: '2027 年度省级科技计划产学研项目',
        totalBudgetFen: '5000000000',
        perProjectCapFen: null,
        criteria: HUNAN_2016_PARAMETERS.review.criteria,
        awardNoticeDays: HUNAN_2016_PARAMETERS.review.publicNoticeDays,
        acceptanceNoticeDays: HUNAN_2016_PARAMETERS.review.publicNoticeDays,
        measuresId: 'm1',
        measuresVersionNo: 1,
        tenantId: 't-province',
        createdBy: 'u-officer',
      }),
    ]);
    expect(audits.map((a) => a.action)).toEqual(['programme.create']);
  });

  it('refuses bad input with the domain’s violations and writes nothing', async () => {
    const { service, ctx, inserted, audits } = setup(null);
    await expect(
      service.create(ctx, officer, { ...input, kind: 'LOTTERY', totalBudgetFen: '1.5' }),
    ).rejects.toMatchObject({
      extensions: {
        code: 'BAD_USER_INPUT',
        violations: [
          expect.objectContaining({ field: 'kind', rule: 'ONE_OF' }),
          expect.objectContaining({ field: 'totalBudgetFen', rule: 'POSITIVE_FEN' }),
        ],
      },
    });
    expect(inserted).toEqual([]);
    expect(audits).toEqual([]);
  });
});

describe('publishing a programme', () => {
  it('publishes the draft at the version the administrator saw and audits it', async () => {
    const { service, ctx, audits } = setup(draft());
    const result = await service.publish(ctx, admin, 'p1', 2);
    expect(result).toMatchObject({ status: 'PUBLISHED', version: 3, publishedAt: now });
    expect(audits.map((a) => a.action)).toEqual(['programme.publish']);
  });

  it('is an administrator’s step', async () => {
    const { service, ctx, audits } = setup(draft());
    await expect(service.publish(ctx, officer, 'p1', 2)).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    expect(audits).toEqual([]);
  });

  it('answers NOT_FOUND for another tenant’s programme, as for one that does not exist', async () => {
    for (const row of [draft({ tenantId: 't-city' }), null]) {
      const { service, ctx } = setup(row);
      await expect(service.publish(ctx, admin, 'p1', 2)).rejects.toMatchObject({
        extensions: { code: 'NOT_FOUND' },
      });
    }
  });

  it('refuses a published programme, a stale version and a lost race, auditing nothing', async () => {
    for (const [row, options, code] of [
      [draft({ status: 'PUBLISHED' }), {}, 'PROGRAMME_PUBLISHED'],
      [draft({ version: 3 }), {}, 'PROGRAMME_CHANGED'],
      [draft(), { writes: false }, 'PROGRAMME_CHANGED'],
    ] as const) {
      const { service, ctx, audits } = setup(row, options);
      await expect(service.publish(ctx, admin, 'p1', 2)).rejects.toMatchObject({ extensions: { code } });
      expect(audits).toEqual([]);
    }
  });
});
