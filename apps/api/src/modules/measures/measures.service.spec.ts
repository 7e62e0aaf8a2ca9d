import { HUNAN_2016_PARAMETERS, type TenantLevel } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../common/clock';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import type { AuditEntry, AuditService } from '../audit/audit.service';
import type { MeasuresEntity } from './measures.entity';
import type { MeasuresRepository, NewMeasures } from './measures.repository';
import { MeasuresService } from './measures.service';

// The measures service's decisions with its repository stubbed: only a tier's own drafts change,
// a published version never does, a stale edit is told who saved first, an admin publishes, and
// the rules in force merge a city's overrides into the province's. test/register/measures.test.ts
// covers the SQL, the trigger that guards published rows, and row-level security.

const now = new Date('2026-12-05T02:00:00Z');

const cityAdmin: Viewer = {
  userId: 'u-admin',
  tenantId: 't-city',
  tenantLevel: 'CITY',
  roles: ['CITY_ADMIN'],
  sessionId: 's1',
};
const cityOfficer: Viewer = { ...cityAdmin, userId: 'u-officer', roles: ['CITY_OFFICER'] };
const expert: Viewer = { ...cityAdmin, userId: 'u-expert', roles: ['EXPERT'] };

function version(overrides: Partial<MeasuresEntity> = {}): MeasuresEntity {
  return {
    id: 'm-province',
    tenantId: 't-province',
    versionNo: 1,
    title: '湖南省关于推动产业技术创新战略联盟构建与发展的实施办法（试行）',
    documentNumber: '湘科〔2016〕106号',
    effectiveOn: '2016-12-16',
    derivesFromTenantId: null,
    derivesFromId: null,
    parameters: HUNAN_2016_PARAMETERS,
    status: 'PUBLISHED',
    publishedAt: now,
    version: 1,
    updatedAt: now,
    createdAt: now,
    createdBy: null,
    ...overrides,
  };
}

const provinceVersion = version();

function cityDraft(overrides: Partial<MeasuresEntity> = {}): MeasuresEntity {
  return version({
    id: 'm-city',
    tenantId: 't-city',
    versionNo: 2,
    title: '湘西州产业技术创新战略联盟实施细则',
    documentNumber: '州科发〔2026〕8号',
    effectiveOn: '2026-12-01',
    derivesFromTenantId: 't-province',
    derivesFromId: 'm-province',
    parameters: { founding: { minMembers: 5 } },
    status: 'DRAFT',
    publishedAt: null,
    version: 3,
    ...overrides,
  });
}

type Published = { tier: TenantLevel; tenantId?: string; measures: MeasuresEntity };

function setup(stored: MeasuresEntity | null, options: { published?: Published[]; writes?: boolean } = {}) {
  const published = options.published ?? [{ tier: 'PROVINCE', measures: provinceVersion }];
  const audits: AuditEntry[] = [];
  const writes = { inserted: [] as NewMeasures[], updated: [] as number[], published: [] as string[] };
  const repository: Partial<MeasuresRepository> = {
    find: () => Promise.resolve(stored),
    latestPublished: (_db, tier, asOf, tenantId) =>
      Promise.resolve(
        published.find(
          (p) =>
            p.tier === tier &&
            p.measures.effectiveOn <= asOf &&
            (!tenantId || p.measures.tenantId === tenantId),
        )?.measures ?? null,
      ),
    inForce: (_db, asOf, cityTenantId) => {
      const latest = (tier: TenantLevel, tenantId?: string) =>
        published.find(
          (p) =>
            p.tier === tier &&
            p.measures.effectiveOn <= asOf &&
            (!tenantId || p.measures.tenantId === tenantId),
        )?.measures ?? null;
      return Promise.resolve({
        province: latest('PROVINCE'),
        local: cityTenantId ? latest('CITY', cityTenantId) : null,
      });
    },
    nextVersionNo: () => Promise.resolve(4),
    insert: (_db, measures) => {
      writes.inserted.push(measures);
      return Promise.resolve({ ...measures, id: 'm-new', version: 1, updatedAt: now, createdAt: now });
    },
    updateDraft: (_db, _id, baseVersion) => {
      writes.updated.push(baseVersion);
      return Promise.resolve(options.writes !== false && stored?.version === baseVersion);
    },
    publish: (_db, id) => {
      writes.published.push(id);
      return Promise.resolve(options.writes !== false);
    },
  };
  const audit = { record: (_db: unknown, entry: AuditEntry) => (audits.push(entry), Promise.resolve()) };
  const clock: Clock = { now: () => now };
  const service = new MeasuresService(
    repository as MeasuresRepository,
    audit as unknown as AuditService,
    clock,
  );
  // The one statement left to the service's helpers: who saved a stale draft first.
  const db = {
    query: () => Promise.resolve([{ version: 4, updated_at: now, changed_by: '李娜' }]),
  } as unknown as EntityManager;
  const ctx = { db } as RequestContext;
  return { service, ctx, audits, writes };
}

const edit = (draft: MeasuresEntity, baseVersion: number) => ({
  id: draft.id,
  version: baseVersion,
  title: draft.title,
  documentNumber: draft.documentNumber,
  effectiveOn: draft.effectiveOn,
  parameters: { founding: { minMembers: 6 } },
});

describe('drafting measures', () => {
  it('numbers a city’s new draft and derives it from the provincial version in force on its date', async () => {
    const { service, ctx, audits, writes } = setup(null);
    const draft = await service.createDraft(ctx, cityOfficer, {
      title: '湘西州实施细则',
      documentNumber: '州科发〔2026〕9号',
      effectiveOn: '2027-01-01',
      parameters: { founding: { minMembers: 5 } },
    });
    expect(writes.inserted).toEqual([
      expect.objectContaining({
        tenantId: 't-city',
        versionNo: 4,
        derivesFromId: 'm-province',
        status: 'DRAFT',
        createdBy: 'u-officer',
      }),
    ]);
    expect(draft.id).toBe('m-new');
    expect(audits.map((a) => a.action)).toEqual(['measures.create_draft']);
  });

  it('refuses a city draft dated before any provincial measures, on its date field', async () => {
    const { service, ctx, writes } = setup(null);
    await expect(
      service.createDraft(ctx, cityOfficer, {
        title: '湘西州实施细则',
        documentNumber: '州科发〔2026〕9号',
        effectiveOn: '2015-01-01',
        parameters: {},
      }),
    ).rejects.toMatchObject({
      extensions: {
        code: 'BAD_USER_INPUT',
        violations: [{ field: 'effectiveOn', rule: 'NO_PROVINCIAL_MEASURES' }],
      },
    });
    expect(writes.inserted).toEqual([]);
  });

  it('writes a draft at the version the editor read and audits before and after', async () => {
    const draft = cityDraft();
    const { service, ctx, audits, writes } = setup(draft);
    const saved = await service.updateDraft(ctx, cityOfficer, edit(draft, 3));
    expect(writes.updated).toEqual([3]);
    expect(saved).toMatchObject({ version: 4, parameters: { founding: { minMembers: 6 } } });
    expect(audits).toEqual([
      expect.objectContaining({
        action: 'measures.update_draft',
        before: expect.objectContaining({ parameters: { founding: { minMembers: 5 } } }) as unknown,
        after: expect.objectContaining({ parameters: { founding: { minMembers: 6 } } }) as unknown,
      }),
    ]);
  });

  it('answers a stale edit with CONFLICT naming who saved first, and audits nothing', async () => {
    const draft = cityDraft({ version: 4 });
    const { service, ctx, audits } = setup(draft);
    await expect(service.updateDraft(ctx, cityOfficer, edit(draft, 3))).rejects.toMatchObject({
      extensions: { code: 'CONFLICT', staleEdit: { currentVersion: 4, changedBy: '李娜' } },
    });
    expect(audits).toEqual([]);
  });

  it('refuses to edit a published version with MEASURES_NOT_DRAFT before anything is written', async () => {
    const published = cityDraft({ status: 'PUBLISHED', publishedAt: now });
    const { service, ctx, writes } = setup(published);
    await expect(service.updateDraft(ctx, cityOfficer, edit(published, 3))).rejects.toMatchObject({
      extensions: { code: 'MEASURES_NOT_DRAFT' },
    });
    expect(writes.updated).toEqual([]);
  });

  it('answers NOT_FOUND for the province’s version and a missing one: a tier edits only its own', async () => {
    for (const stored of [provinceVersion, null]) {
      const { service, ctx, writes } = setup(stored);
      await expect(service.updateDraft(ctx, cityOfficer, edit(cityDraft(), 3))).rejects.toMatchObject({
        extensions: { code: 'NOT_FOUND' },
      });
      expect(writes.updated).toEqual([]);
    }
  });

  it('is the staff’s work: an expert is refused', async () => {
    const { service, ctx, writes } = setup(cityDraft());
    await expect(service.updateDraft(ctx, expert, edit(cityDraft(), 3))).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    expect(writes.updated).toEqual([]);
  });
});

describe('publishing measures', () => {
  it('publishes the tier’s own draft and audits its number and date', async () => {
    const { service, ctx, audits, writes } = setup(cityDraft());
    const result = await service.publish(ctx, cityAdmin, 'm-city');
    expect(result).toMatchObject({ status: 'PUBLISHED', publishedAt: now });
    expect(writes.published).toEqual(['m-city']);
    expect(audits).toEqual([
      {
        action: 'measures.publish',
        subjectType: 'measures',
        subjectId: 'm-city',
        after: { versionNo: 2, effectiveOn: '2026-12-01' },
      },
    ]);
  });

  it('is an admin’s step: an officer is refused before anything is read', async () => {
    const { service, ctx, writes } = setup(cityDraft());
    await expect(service.publish(ctx, cityOfficer, 'm-city')).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    expect(writes.published).toEqual([]);
  });

  it('refuses a published version, and a race lost to another publisher, with MEASURES_NOT_DRAFT', async () => {
    const already = setup(cityDraft({ status: 'PUBLISHED', publishedAt: now }));
    await expect(already.service.publish(already.ctx, cityAdmin, 'm-city')).rejects.toMatchObject({
      extensions: { code: 'MEASURES_NOT_DRAFT' },
    });
    expect(already.writes.published).toEqual([]);

    const race = setup(cityDraft(), { writes: false });
    await expect(race.service.publish(race.ctx, cityAdmin, 'm-city')).rejects.toMatchObject({
      extensions: { code: 'MEASURES_NOT_DRAFT' },
    });
    expect(race.audits).toEqual([]);
  });

  it('checks the draft again: overrides that break the provincial rules are not published', async () => {
    const { service, ctx, writes } = setup(cityDraft({ parameters: { founding: { minMembers: 0 } } }));
    await expect(service.publish(ctx, cityAdmin, 'm-city')).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(writes.published).toEqual([]);
  });
});

describe('the measures in force', () => {
  const local = cityDraft({ status: 'PUBLISHED', publishedAt: now });
  const published: Published[] = [
    { tier: 'PROVINCE', measures: provinceVersion },
    { tier: 'CITY', measures: local },
  ];

  it('merges the city’s own published overrides into the province’s parameters', async () => {
    const { service, ctx } = setup(null, { published });
    const rules = await service.inForce(ctx.db, cityOfficer, '2026-12-05');
    expect(rules.local?.id).toBe('m-city');
    expect(rules.parameters.founding.minMembers).toBe(5);
    const provinceOnly = await service.inForce(ctx.db, cityOfficer, '2026-12-05', false);
    expect(provinceOnly.local).toBeNull();
    expect(provinceOnly.parameters).toEqual(HUNAN_2016_PARAMETERS);
  });

  it('answers MEASURES_NOT_IN_FORCE for a date before any provincial measures, and refuses a non-date', async () => {
    const { service, ctx } = setup(null, { published });
    await expect(service.inForce(ctx.db, cityOfficer, '2016-12-15')).rejects.toMatchObject({
      extensions: { code: 'MEASURES_NOT_IN_FORCE' },
    });
    await expect(service.inForce(ctx.db, cityOfficer, '2026-02-30')).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', violations: [{ field: 'asOf' }] },
    });
  });
});
