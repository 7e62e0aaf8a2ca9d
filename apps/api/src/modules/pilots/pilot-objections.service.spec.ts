import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../common/clock';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import type { AuditEntry, AuditService } from '../audit/audit.service';
import type { PilotApplicationEntity, PilotObjectionEntity } from './pilot-application.entity';
import type { PilotApplicationsService } from './pilot-applications.service';
import type { PilotObjectionsRepository } from './pilot-objections.repository';
import { PilotObjectionsService } from './pilot-objections.service';

// The objections service's decisions with its repository stubbed: only the authority records and
// answers, only during public notice, an objection is answered once, and each step is audited.

const provinceOfficer: Viewer = {
  userId: 'u-prov',
  tenantId: 't-province',
  tenantLevel: 'PROVINCE',
  roles: ['PROVINCE_OFFICER'],
  sessionId: 's1',
};
const cityAdmin: Viewer = {
  ...provinceOfficer,
  userId: 'u-city',
  tenantId: 't-city',
  tenantLevel: 'CITY',
  roles: ['CITY_ADMIN'],
};
const now = new Date('2026-12-05T02:00:00Z');

const publicised = {
  id: 'p1',
  tenantId: 't-city',
  recommendingTenantId: 't-city',
  authorityTenantId: 't-province',
  state: 'PUBLICISED',
  noticeStartsOn: '2026-12-01',
} as PilotApplicationEntity;

const objection = {
  id: 'o1',
  tenantId: 't-province',
  applicationId: 'p1',
  answer: null,
} as PilotObjectionEntity;

const input = {
  applicationId: 'p1',
  receivedOn: '2026-12-03',
  objector: ' 张三 ',
  content: '成员单位资质存疑',
};

function setup(
  application: Partial<PilotApplicationEntity> = {},
  options: { stored?: Partial<PilotObjectionEntity>; answers?: boolean } = {},
) {
  const audits: AuditEntry[] = [];
  const inserted: unknown[] = [];
  const answered: unknown[] = [];
  const repository: Partial<PilotObjectionsRepository> = {
    find: () => Promise.resolve({ ...objection, ...options.stored }),
    insert: (_db, row) => (inserted.push(row), Promise.resolve('o1')),
    answer: (_db, id, text, at, by) => (
      answered.push({ id, text, at, by }),
      Promise.resolve(options.answers ?? true)
    ),
  };
  const applications = { get: () => Promise.resolve({ ...publicised, ...application }) };
  const audit = { record: (_db: unknown, entry: AuditEntry) => (audits.push(entry), Promise.resolve()) };
  const clock: Clock = { now: () => now };
  const service = new PilotObjectionsService(
    repository as PilotObjectionsRepository,
    applications as unknown as PilotApplicationsService,
    audit as unknown as AuditService,
    clock,
  );
  const ctx = { db: {} as EntityManager } as RequestContext;
  return { service, ctx, audits, inserted, answered };
}

describe('recording an objection', () => {
  it('records it for the authority during notice, trimmed, and audits it', async () => {
    const { service, ctx, audits, inserted } = setup();
    await service.record(ctx, provinceOfficer, input);
    expect(inserted).toMatchObject([
      { tenantId: 't-province', applicationTenantId: 't-city', objector: '张三' },
    ]);
    expect(audits.map((a) => a.action)).toEqual(['pilot_objection.record']);
  });

  it('is the authority’s step: the home city is told why', async () => {
    const { service, ctx, inserted } = setup();
    await expect(service.record(ctx, cityAdmin, input)).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: '公示异议由作出决定的主管部门登记和答复',
    });
    expect(inserted).toEqual([]);
  });

  it.each(['REVIEWED', 'APPROVED'] as const)(
    'refuses an application %s with OBJECTION_OUTSIDE_NOTICE',
    async (state) => {
      const { service, ctx, inserted } = setup({ state });
      await expect(service.record(ctx, provinceOfficer, input)).rejects.toMatchObject({
        extensions: { code: 'OBJECTION_OUTSIDE_NOTICE' },
      });
      expect(inserted).toEqual([]);
    },
  );

  it.each([
    ['before the notice began', { receivedOn: '2026-11-30' }, 'receivedOn', 'DURING_NOTICE'],
    ['in the future', { receivedOn: '2026-12-06' }, 'receivedOn', 'NOT_IN_FUTURE'],
    ['not a date', { receivedOn: '2026-02-30' }, 'receivedOn', 'CALENDAR_DATE'],
    ['without an objector', { objector: '  ' }, 'objector', 'LENGTH'],
  ])('refuses an objection received %s', async (_name, change, field, rule) => {
    const { service, ctx } = setup();
    await expect(service.record(ctx, provinceOfficer, { ...input, ...change })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', violations: [expect.objectContaining({ field, rule })] },
    });
  });
});

describe('answering an objection', () => {
  it('answers once, stamping who and when, and audits it', async () => {
    const { service, ctx, audits, answered } = setup();
    await service.answer(ctx, provinceOfficer, 'o1', ' 经核实，资质符合要求 ');
    expect(answered).toEqual([{ id: 'o1', text: '经核实，资质符合要求', at: now, by: 'u-prov' }]);
    expect(audits.map((a) => a.action)).toEqual(['pilot_objection.answer']);
  });

  it('refuses an objection already answered with OBJECTION_ANSWERED', async () => {
    const { service, ctx, answered } = setup({}, { stored: { answer: '已答复' } });
    await expect(service.answer(ctx, provinceOfficer, 'o1', '再答复')).rejects.toMatchObject({
      extensions: { code: 'OBJECTION_ANSWERED' },
    });
    expect(answered).toEqual([]);
  });

  it('loses a race to another answer with OBJECTION_ANSWERED and audits nothing', async () => {
    const { service, ctx, audits } = setup({}, { answers: false });
    await expect(service.answer(ctx, provinceOfficer, 'o1', '答复')).rejects.toMatchObject({
      extensions: { code: 'OBJECTION_ANSWERED' },
    });
    expect(audits).toEqual([]);
  });

  it('refuses once the notice is over with OBJECTION_OUTSIDE_NOTICE', async () => {
    const { service, ctx } = setup({ state: 'APPROVED' });
    await expect(service.answer(ctx, provinceOfficer, 'o1', '答复')).rejects.toMatchObject({
      extensions: { code: 'OBJECTION_OUTSIDE_NOTICE' },
    });
  });
});
