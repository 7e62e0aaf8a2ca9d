import {
  ALLIANCE_TRANSITIONS,
  AllianceAction,
  AllianceStatus,
  decideAllianceTransition,
  FOUNDING_CONDITION_INFO,
  type FoundingCheck,
} from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../common/clock';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import type { AuditEntry, AuditService } from '../audit/audit.service';
import type { IndustriesRepository } from '../industries/industries.repository';
import type { MeasuresInForce } from '../measures/measures.service';
import type { TenantEntity } from '../tenants/tenant.entity';
import type { TenantsService } from '../tenants/tenants.service';
import type { AllianceMembersRepository } from './alliance-members.repository';
import type { StoredSnapshot } from './alliance-snapshots';
import type { AllianceEntity } from './alliance.entity';
import type { AlliancesRepository } from './alliances.repository';
import { AlliancesService } from './alliances.service';
import type { AllianceFilterInput } from './dto/alliance.input';
import type { FoundingCheckService, FoundingCheckWithBasis } from './founding-check.service';

// A matcher for part of an object (typed unknown: expect's own asymmetric matchers are any).
const like = (part: object): unknown => expect.objectContaining(part);

// The register service's decisions with its repositories stubbed: which alliance (NOT_FOUND for
// another tenant's), what a dissolved alliance refuses, the lifecycle's codes, stale versions and
// lost races, and what is audited. The database tests (test/register) cover SQL and row security.

const officer: Viewer = {
  userId: 'u-officer',
  tenantId: 't-changsha',
  tenantLevel: 'CITY',
  roles: ['CITY_OFFICER'],
  sessionId: 's1',
};
const provinceOfficer: Viewer = {
  userId: 'u-province',
  tenantId: 't-province',
  tenantLevel: 'PROVINCE',
  roles: ['PROVINCE_OFFICER'],
  sessionId: 's2',
};
const now = new Date('2026-12-05T02:00:00Z');

function alliance(overrides: Partial<AllianceEntity> = {}): AllianceEntity {
  return {
    id: '7d4c1f6e-0000-4000-8000-000000000001',
    tenantId: 't-changsha',
    name: '湖南先进储能材料产业技术创新战略联盟',
    industryCode: 'SE0101',
    foundedOn: '2024-01-10',
    objectives: '',
    hostOrganizationId: null,
    liableEntity: '',
    executiveFullTimeStaff: 0,
    status: 'FORMING',
    establishedOn: null,
    establishedMeasuresId: null,
    dissolvedOn: null,
    dissolutionReason: null,
    pilotStatus: 'NONE',
    pilotSince: null,
    pilotCallId: null,
    pilotApplicationId: null,
    version: 4,
    createdAt: now,
    updatedAt: now,
    createdBy: 'u-officer',
    ...overrides,
  };
}

const measures = {
  asOf: '2026-12-05',
  province: { id: 'm-province', title: '湖南省实施办法' },
  local: null,
} as unknown as MeasuresInForce;

function check(allHold: boolean): FoundingCheckWithBasis {
  const failing: FoundingCheck['conditions'] = allHold
    ? []
    : [
        {
          condition: 'MEMBERS',
          ...FOUNDING_CONDITION_INFO.MEMBERS,
          holds: false,
          reasons: [{ code: 'TOO_FEW_MEMBERS', message: '成员单位不足' }],
          dependsOn: null,
        },
      ];
  return {
    asOf: '2026-12-01',
    allHold,
    agreementVersionInEffect: allHold ? 3 : null,
    conditions: failing,
    rootCauses: [],
    measures,
  };
}

type Options = { writes?: boolean; foundingHolds?: boolean; lastJoinedOn?: string | null };

function setup(stored: AllianceEntity | null, options: Options = {}) {
  let row = stored;
  const audits: AuditEntry[] = [];
  const writes: string[] = [];
  const filters: unknown[] = [];
  const wins = options.writes !== false;
  const alliances: Partial<AlliancesRepository> = {
    find: () => Promise.resolve(row),
    lock: () => (writes.push('lock'), Promise.resolve()),
    updateEntry: (_db, _id, version, entry) => {
      writes.push(`updateEntry@${version}`);
      if (wins && row) row = { ...row, ...entry, version: version + 1 };
      return Promise.resolve(wins);
    },
    snapshots: (_db, list) => Promise.resolve(new Map(list.map((a) => [a.id, {} as StoredSnapshot]))),
    establish: (_db, _id, version, established) => {
      writes.push(`establish@${version}`);
      if (wins && row) row = { ...row, ...established, status: 'ESTABLISHED', version: version + 1 };
      return Promise.resolve(wins);
    },
    dissolve: (_db, _id, version, dissolved) => {
      writes.push(`dissolve@${version}`);
      if (wins && row) row = { ...row, ...dissolved, status: 'DISSOLVED', version: version + 1 };
      return Promise.resolve(wins);
    },
    register: (_db, filter, limit) => {
      writes.push(`register:${limit}`);
      filters.push(filter);
      return Promise.resolve([]);
    },
    registerCount: () => Promise.resolve(0),
  };
  const members: Partial<AllianceMembersRepository> = {
    lastJoinedOn: () => Promise.resolve(options.lastJoinedOn ?? null),
    exitAll: (_db, _id, on, reason) => (writes.push(`exitAll:${on}:${reason}`), Promise.resolve()),
  };
  const industries: Partial<IndustriesRepository> = { exists: () => Promise.resolve(true) };
  const audit = { record: (_db: unknown, entry: AuditEntry) => (audits.push(entry), Promise.resolve()) };
  const clock: Clock = { now: () => now };
  const foundingCheck = { check: () => Promise.resolve(check(options.foundingHolds ?? true)) };
  const tenants: Partial<TenantsService> = {
    byCode: (_db, tenantCode) =>
      Promise.resolve(tenantCode === '430200' ? ({ id: 't-zhuzhou', code: '430200' } as TenantEntity) : null),
  };
  const service = new AlliancesService(
    alliances as AlliancesRepository,
    members as AllianceMembersRepository,
    industries as IndustriesRepository,
    audit as unknown as AuditService,
    clock,
    foundingCheck as unknown as FoundingCheckService,
    tenants as TenantsService,
  );
  // staleEdit reads who changed the row last: nobody known here.
  const ctx = { db: { query: () => Promise.resolve([]) } as unknown as EntityManager } as RequestContext;
  return { service, ctx, audits, writes, filters };
}

const code = (extensions: Record<string, unknown>) => ({ extensions: like(extensions) });

describe('reaching an alliance to change it', () => {
  it('answers NOT_FOUND for another tenant’s alliance exactly as for none, locking nothing', async () => {
    for (const stored of [alliance({ tenantId: 't-zhuzhou' }), null]) {
      const { service, ctx, writes } = setup(stored);
      await expect(service.lockForChange(ctx.db, officer, alliance().id)).rejects.toMatchObject(
        code({ code: 'NOT_FOUND' }),
      );
      expect(writes).toEqual([]);
    }
  });

  it('refuses every change to a dissolved alliance with ALLIANCE_DISSOLVED', async () => {
    const { service, ctx, writes, audits } = setup(alliance({ status: 'DISSOLVED' }));
    const input = {
      id: alliance().id,
      name: '新的联盟名称',
      industryCode: 'SE0101',
      foundedOn: '2024-01-10',
    };
    await expect(
      service.update(ctx, officer, { ...input, objectives: '', version: 4 }),
    ).rejects.toMatchObject(code({ code: 'ALLIANCE_DISSOLVED' }));
    await expect(
      service.addOutput(ctx, officer, {
        allianceId: alliance().id,
        year: 2025,
        kind: 'PATENT',
        quantity: 1,
        description: '',
      }),
    ).rejects.toMatchObject(code({ code: 'ALLIANCE_DISSOLVED' }));
    expect(writes).toEqual([]);
    expect(audits).toEqual([]);
  });
});

describe('updating the register entry', () => {
  const input = {
    id: alliance().id,
    name: '湖南储能材料产业技术创新战略联盟',
    industryCode: 'SE0101',
    foundedOn: '2024-01-10',
    objectives: '形成标准体系',
  };

  it('writes against the version read and audits before and after', async () => {
    const { service, ctx, audits, writes } = setup(alliance());
    const updated = await service.update(ctx, officer, { ...input, version: 4 });
    expect(updated).toMatchObject({ name: input.name, version: 5 });
    expect(writes).toEqual(['updateEntry@4']);
    expect(audits).toEqual([
      like({
        action: 'alliance.update',
        before: like({ name: alliance().name }),
        after: like({ name: input.name }),
      }),
    ]);
  });

  it('refuses a stale version with the stale-edit CONFLICT and audits nothing', async () => {
    const { service, ctx, audits } = setup(alliance(), { writes: false });
    await expect(service.update(ctx, officer, { ...input, version: 3 })).rejects.toMatchObject(
      code({
        code: 'CONFLICT',
        staleEdit: like({ record: `联盟「${alliance().name}」` }),
      }),
    );
    expect(audits).toEqual([]);
  });
});

describe('establishing an alliance', () => {
  const input = { allianceId: alliance().id, establishedOn: '2026-12-01' };

  it('establishes a forming alliance whose conditions hold, recording the basis', async () => {
    const { service, ctx, audits, writes } = setup(alliance());
    const established = await service.establish(ctx, officer, input);
    expect(established).toMatchObject({ status: 'ESTABLISHED', establishedMeasuresId: 'm-province' });
    expect(writes).toEqual(['lock', 'establish@4']);
    expect(audits).toEqual([
      like({
        action: 'alliance.establish',
        after: like({
          status: 'ESTABLISHED',
          basis: like({ article: '第八条', agreementVersion: 3 }),
        }),
      }),
    ]);
  });

  it('answers failing conditions field by field, under their article, writing nothing', async () => {
    const { service, ctx, writes } = setup(alliance(), { foundingHolds: false });
    await expect(service.establish(ctx, officer, input)).rejects.toMatchObject(
      code({
        code: 'BAD_USER_INPUT',
        violations: [like({ field: 'foundingConditions.MEMBERS', rule: 'TOO_FEW_MEMBERS' })],
      }),
    );
    expect(writes).toEqual(['lock']);
  });

  it('refuses an established alliance with ALLIANCE_ESTABLISHED', async () => {
    const { service, ctx, writes } = setup(alliance({ status: 'ESTABLISHED' }));
    await expect(service.establish(ctx, officer, input)).rejects.toMatchObject(
      code({ code: 'ALLIANCE_ESTABLISHED' }),
    );
    expect(writes).toEqual(['lock']);
  });

  it('refuses a role the lifecycle does not allow with FORBIDDEN', async () => {
    const { service, ctx, writes } = setup(alliance());
    await expect(service.establish(ctx, { ...officer, roles: ['EXPERT'] }, input)).rejects.toMatchObject(
      code({ code: 'FORBIDDEN' }),
    );
    expect(writes).toEqual(['lock']);
  });

  it('loses a race to another change with ALLIANCE_CHANGED and audits nothing', async () => {
    const { service, ctx, audits } = setup(alliance(), { writes: false });
    await expect(service.establish(ctx, officer, input)).rejects.toMatchObject(
      code({ code: 'ALLIANCE_CHANGED' }),
    );
    expect(audits).toEqual([]);
  });
});

describe('dissolving an alliance', () => {
  const input = { allianceId: alliance().id, dissolvedOn: '2026-12-01', reason: '任务完成，理事会决议解散' };

  it('lets every current member exit that day, then dissolves and audits', async () => {
    const { service, ctx, audits, writes } = setup(alliance({ status: 'ESTABLISHED' }));
    const dissolved = await service.dissolve(ctx, officer, input);
    expect(dissolved).toMatchObject({ status: 'DISSOLVED', dissolvedOn: '2026-12-01' });
    expect(writes).toEqual(['lock', 'exitAll:2026-12-01:联盟解散', 'dissolve@4']);
    expect(audits.map((a) => a.action)).toEqual(['alliance.dissolve']);
  });

  it('refuses a date before the last current member joined, writing nothing', async () => {
    const { service, ctx, writes } = setup(alliance(), { lastJoinedOn: '2026-12-03' });
    await expect(service.dissolve(ctx, officer, input)).rejects.toMatchObject(
      code({ code: 'BAD_USER_INPUT', violations: [like({ rule: 'BEFORE_LAST_JOIN' })] }),
    );
    expect(writes).toEqual(['lock']);
  });

  it('loses a race with ALLIANCE_CHANGED and audits nothing', async () => {
    const { service, ctx, audits } = setup(alliance(), { writes: false });
    await expect(service.dissolve(ctx, officer, input)).rejects.toMatchObject(
      code({ code: 'ALLIANCE_CHANGED' }),
    );
    expect(audits).toEqual([]);
  });
});

describe('the lifecycle table, as the refusal codes read it', () => {
  // lifecycleRefusal answers "not in this state" with ALLIANCE_DISSOLVED or ALLIANCE_ESTABLISHED:
  // true only while the table refuses a step in a state to those two states alone.
  const cases = Object.values(AllianceStatus).flatMap((status) =>
    Object.values(AllianceAction).map((action) => ({ status, action })),
  );
  it.each(cases)('$action from $status', ({ status, action }) => {
    const decision = decideAllianceTransition(status, action, ['CITY_OFFICER'], null);
    const inTable = ALLIANCE_TRANSITIONS.some((t) => t.from === status && t.action === action);
    if (inTable) {
      expect(decision).not.toMatchObject({ reason: 'NOT_ALLOWED_IN_STATE' });
    } else {
      expect(decision).toMatchObject({ allowed: false, reason: 'NOT_ALLOWED_IN_STATE' });
      expect(status === 'DISSOLVED' || (status === 'ESTABLISHED' && action === 'ESTABLISH')).toBe(true);
    }
  });
});

describe('a page of the register', () => {
  it('refuses a page size outside 1–100 and a cursor it did not make, before any statement', async () => {
    const { service, ctx, writes } = setup(null);
    await expect(service.page(ctx.db, officer, {}, 101)).rejects.toMatchObject(
      code({ violations: [like({ field: 'first', rule: 'PAGE_SIZE' })] }),
    );
    await expect(service.page(ctx.db, officer, {}, 20, 'bm90LWEtY3Vyc29y')).rejects.toMatchObject(
      code({ violations: [like({ field: 'after', rule: 'INVALID_CURSOR' })] }),
    );
    expect(writes).toEqual([]);
  });

  it('reads one more than the page to tell whether another follows', async () => {
    const { service, ctx, writes } = setup(null);
    const page = await service.page(ctx.db, officer, {}, 20);
    expect(page).toMatchObject({ nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
    expect(writes).toEqual(['register:21']);
    // The count runs only when asked for.
    expect(await page.countTotal()).toBe(0);
  });
});

describe('the register filter', () => {
  it.each<[string, AllianceFilterInput, string, string]>([
    ['a city code of letters', { tenantCode: 'zhuzhou' }, 'filter.tenantCode', 'DIVISION_CODE'],
    ['a city code too short', { tenantCode: '4302' }, 'filter.tenantCode', 'DIVISION_CODE'],
    ['a code no tenant has', { tenantCode: '439900' }, 'filter.tenantCode', 'UNKNOWN_TENANT'],
    ['a filing state in lower case', { filingState: 'filed' }, 'filter.filingState', 'ONE_OF'],
    ['a filing state that does not exist', { filingState: 'ARCHIVED' }, 'filter.filingState', 'ONE_OF'],
    // The export reads these from a query string, where GraphQL's enum check does not apply.
    ['an alliance status from a query string', { status: 'CLOSED' as never }, 'filter.status', 'ONE_OF'],
    [
      'a pilot status from a query string',
      { pilotStatus: 'NATIONAL' as never },
      'filter.pilotStatus',
      'ONE_OF',
    ],
  ])(
    'refuses %s, naming the field and the rule, before reading the register',
    async (_name, input, field, rule) => {
      const { service, ctx, writes } = setup(null);
      await expect(service.page(ctx.db, officer, input, 20)).rejects.toMatchObject(
        code({ code: 'BAD_USER_INPUT', violations: [like({ field, rule })] }),
      );
      expect(writes).toEqual([]);
    },
  );

  it('names every wrong field at once', async () => {
    const { service, ctx } = setup(null);
    await expect(
      service.page(ctx.db, officer, { tenantCode: 'x', filingState: 'y', status: 'z' as never }, 20),
    ).rejects.toMatchObject(
      code({
        violations: [
          like({ field: 'filter.status' }),
          like({ field: 'filter.tenantCode' }),
          like({ field: 'filter.filingState' }),
        ],
      }),
    );
  });

  it('reads the register of the city named by its code, with the filing state asked for', async () => {
    const { service, ctx, filters } = setup(null);
    await service.page(
      ctx.db,
      officer,
      { tenantCode: ' 430200 ', filingState: 'FILED', pilotStatus: 'CITY_PILOT' },
      20,
    );
    await service.page(ctx.db, provinceOfficer, { filingState: 'NONE' }, 20);
    expect(filters).toEqual([
      like({ tenantId: 't-zhuzhou', filingState: 'FILED', pilotStatus: 'CITY_PILOT' }),
      like({ filingState: 'NONE' }),
    ]);
    // The province's register is its own alliances and those filed with it: row security tells.
    expect(filters[1]).not.toHaveProperty('tenantId');
  });

  it("reads a city's own register when it names no city", async () => {
    const { service, ctx, filters } = setup(null);
    await service.page(ctx.db, officer, { status: 'ESTABLISHED' }, 20);
    expect(filters).toEqual([like({ tenantId: 't-changsha', status: 'ESTABLISHED' })]);
  });
});
