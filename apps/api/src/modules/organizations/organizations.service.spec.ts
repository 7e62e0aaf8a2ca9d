import { QueryFailedError, type EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../common/clock';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import type { AuditEntry, AuditService } from '../audit/audit.service';
import type { OrganizationEntity } from './organization.entity';
import type { NewOrganization, OrganizationsRepository } from './organizations.repository';
import { OrganizationsService } from './organizations.service';

// A matcher for part of an object (typed unknown: expect's own asymmetric matchers are any).
const like = (part: object): unknown => expect.objectContaining(part);

// The directory's decisions with the repository stubbed: who may correct an entry, stale
// corrections, a credit code taken (before the insert or in a race), and what is audited.

const changsha: Viewer = {
  userId: 'u-cs',
  tenantId: 't-changsha',
  tenantLevel: 'CITY',
  roles: ['CITY_OFFICER'],
  sessionId: 's1',
};
const zhuzhou: Viewer = { ...changsha, userId: 'u-zz', tenantId: 't-zhuzhou' };
const province: Viewer = {
  ...changsha,
  userId: 'u-hn',
  tenantId: 't-hunan',
  tenantLevel: 'PROVINCE',
  roles: ['PROVINCE_OFFICER'],
};
const now = new Date('2026-12-05T02:00:00Z');
const id = '7d4c1f6e-0000-4000-8000-0000000000c5';

function entry(overrides: Partial<OrganizationEntity> = {}): OrganizationEntity {
  return {
    id,
    creditCode: '91430100MA4L16JQ9D',
    name: '长沙储能材料有限公司',
    type: 'ENTERPRISE',
    legalRepresentative: '王五',
    divisionCode: '430100',
    industryBackbone: false,
    backboneBasis: '',
    addedByTenantId: 't-changsha',
    createdAt: now,
    updatedAt: now,
    version: 2,
    ...overrides,
  };
}

function setup(options: { existing?: OrganizationEntity | null; writes?: boolean; race?: boolean } = {}) {
  const audits: AuditEntry[] = [];
  const corrections: number[] = [];
  const inserted: NewOrganization[] = [];
  const repository: Partial<OrganizationsRepository> = {
    find: () => Promise.resolve(entry()),
    byCreditCode: () => Promise.resolve(options.existing ?? null),
    insert: (_db, o) => {
      if (options.race)
        return Promise.reject(
          new QueryFailedError('INSERT', [], Object.assign(new Error('dup'), { code: '23505' })),
        );
      inserted.push(o);
      return Promise.resolve(id);
    },
    correct: (_db, _id, version) => (corrections.push(version), Promise.resolve(options.writes !== false)),
  };
  const audit = { record: (_db: unknown, e: AuditEntry) => (audits.push(e), Promise.resolve()) };
  const clock: Clock = { now: () => now };
  const service = new OrganizationsService(
    repository as OrganizationsRepository,
    audit as unknown as AuditService,
    clock,
  );
  const ctx = { db: { query: () => Promise.resolve([]) } as unknown as EntityManager } as RequestContext;
  return { service, ctx, audits, corrections, inserted };
}

const correction = {
  id,
  name: '长沙先进储能材料有限公司',
  type: 'ENTERPRISE' as const,
  legalRepresentative: '王五',
  industryBackbone: false,
  backboneBasis: '',
  version: 2,
};

describe('correcting a directory entry', () => {
  it('lets the city that added it, or the province, correct it against the version read', async () => {
    for (const viewer of [changsha, province]) {
      const { service, ctx, corrections, audits } = setup();
      const corrected = await service.correct(ctx, viewer, correction);
      expect(corrected).toMatchObject({ name: correction.name, version: 3 });
      expect(corrections).toEqual([2]);
      expect(audits).toEqual([
        like({
          action: 'organization.correct',
          before: like({ name: '长沙储能材料有限公司' }),
          after: like({ name: correction.name }),
        }),
      ]);
    }
  });

  it('refuses another city with ORGANIZATION_NOT_CORRECTABLE, writing nothing', async () => {
    const { service, ctx, corrections, audits } = setup();
    await expect(service.correct(ctx, zhuzhou, correction)).rejects.toMatchObject({
      extensions: { code: 'ORGANIZATION_NOT_CORRECTABLE' },
    });
    expect(corrections).toEqual([]);
    expect(audits).toEqual([]);
  });

  it('refuses a stale version with the stale-edit CONFLICT and audits nothing', async () => {
    const { service, ctx, audits } = setup({ writes: false });
    await expect(service.correct(ctx, changsha, correction)).rejects.toMatchObject({
      extensions: like({
        code: 'CONFLICT',
        staleEdit: like({ record: '名录条目「长沙储能材料有限公司」' }),
      }),
    });
    expect(audits).toEqual([]);
  });
});

describe('adding an entry', () => {
  const input = {
    creditCode: ' 91430100ma4l16jq9d ',
    name: '长沙储能材料有限公司',
    type: 'ENTERPRISE' as const,
    legalRepresentative: '王五',
    industryBackbone: false,
    backboneBasis: '',
  };
  const taken = {
    extensions: like({
      code: 'BAD_USER_INPUT',
      violations: [like({ field: 'creditCode', rule: 'CREDIT_CODE_TAKEN' })],
    }),
  };

  it('stores the normalised credit code for the adding tenant and audits it', async () => {
    const { service, ctx, inserted, audits } = setup();
    await service.add(ctx, changsha, input);
    expect(inserted).toEqual([
      like({
        creditCode: '91430100MA4L16JQ9D',
        addedByTenantId: 't-changsha',
        version: 1,
      }),
    ]);
    expect(audits.map((a) => a.action)).toEqual(['organization.add']);
  });

  it('refuses a credit code already in the directory, found before the insert or in a race', async () => {
    for (const options of [{ existing: entry() }, { race: true }]) {
      const { service, ctx, inserted, audits } = setup(options);
      await expect(service.add(ctx, changsha, input)).rejects.toMatchObject(taken);
      expect(inserted).toEqual([]);
      expect(audits).toEqual([]);
    }
  });
});
