import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../common/clock';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import type { AuditEntry, AuditService } from '../audit/audit.service';
import type { MeasuresService } from '../measures/measures.service';
import type { CallsRepository } from './calls.repository';
import type { CallDeadlineReminders } from './call-deadline-reminders';
import { CallsService } from './calls.service';
import type { PilotCallEntity } from './pilot-call.entity';

// The calls service's decisions with its repository stubbed: who may publish, which call, which
// version, and what is audited. The database tests (test/pilots) cover the SQL and row security.

const admin: Viewer = {
  userId: 'u-admin',
  tenantId: 't-city',
  tenantLevel: 'CITY',
  roles: ['CITY_ADMIN'],
  sessionId: 's1',
};
const officer: Viewer = { ...admin, userId: 'u-officer', roles: ['CITY_OFFICER'] };
const now = new Date('2026-12-05T02:00:00Z');

function draft(overrides: Partial<PilotCallEntity> = {}): PilotCallEntity {
  return {
    id: 'c1',
    tenantId: 't-city',
    kind: 'PILOT',
    programmeId: null,
    title: '2027 年度市级试点联盟申报',
    description: '',
    opensAt: new Date('2027-01-01T00:00:00Z'),
    closesAt: new Date('2027-02-01T00:00:00Z'),
    recommendBy: new Date('2027-02-15T00:00:00Z'),
    decideBy: new Date('2027-03-01T00:00:00Z'),
    measuresTenantId: 't-city',
    measuresId: 'm1',
    measuresVersionNo: 1,
    requiredDocuments: [],
    status: 'DRAFT',
    publishedAt: null,
    version: 2,
    createdAt: now,
    createdBy: 'u-officer',
    ...overrides,
  };
}

function setup(call: PilotCallEntity | null, options: { writes?: boolean } = {}) {
  let stored = call;
  const audits: AuditEntry[] = [];
  const published: { id: string; version: number; at: Date }[] = [];
  const reminded: string[] = [];
  const repository: Partial<CallsRepository> = {
    find: () => Promise.resolve(stored),
    publish: (_db, id, version, at) => {
      published.push({ id, version, at });
      if (options.writes === false || !stored) return Promise.resolve(false);
      stored = { ...stored, status: 'PUBLISHED', publishedAt: at, version: version + 1 };
      return Promise.resolve(true);
    },
  };
  const audit = { record: (_db: unknown, entry: AuditEntry) => (audits.push(entry), Promise.resolve()) };
  const clock: Clock = { now: () => now };
  const service = new CallsService(
    repository as CallsRepository,
    audit as unknown as AuditService,
    {} as MeasuresService,
    clock,
    {
      schedule: (_db: unknown, call: PilotCallEntity) => (reminded.push(call.id), Promise.resolve()),
    } as unknown as CallDeadlineReminders,
  );
  const ctx = { db: {} as EntityManager } as RequestContext;
  return { service, ctx, audits, published, reminded };
}

describe('publishing a call', () => {
  it('publishes the draft at the version the admin saw and audits it', async () => {
    const { service, ctx, audits, published, reminded } = setup(draft());
    const result = await service.publish(ctx, admin, 'c1', 2);
    expect(result.status).toBe('PUBLISHED');
    expect(published).toEqual([{ id: 'c1', version: 2, at: now }]);
    expect(audits.map((a) => a.action)).toEqual(['pilot_call.publish']);
    expect(reminded).toEqual(['c1']);
  });

  it('is an admin’s step: an officer is refused before anything is read', async () => {
    const { service, ctx, published } = setup(draft());
    await expect(service.publish(ctx, officer, 'c1', 2)).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    expect(published).toEqual([]);
  });

  it('answers NOT_FOUND for a call of another tenant, as for one that does not exist', async () => {
    for (const call of [draft({ tenantId: 't-province' }), null]) {
      const { service, ctx } = setup(call);
      await expect(service.publish(ctx, admin, 'c1', 2)).rejects.toMatchObject({
        extensions: { code: 'NOT_FOUND' },
      });
    }
  });

  it('refuses a published call with CALL_PUBLISHED and a stale version with CALL_CHANGED', async () => {
    const published = setup(draft({ status: 'PUBLISHED' }));
    await expect(published.service.publish(published.ctx, admin, 'c1', 2)).rejects.toMatchObject({
      extensions: { code: 'CALL_PUBLISHED' },
    });
    const stale = setup(draft({ version: 3 }));
    await expect(stale.service.publish(stale.ctx, admin, 'c1', 2)).rejects.toMatchObject({
      extensions: { code: 'CALL_CHANGED' },
    });
  });

  it('loses a race to another publisher with CALL_CHANGED and audits nothing', async () => {
    const { service, ctx, audits, reminded } = setup(draft(), { writes: false });
    await expect(service.publish(ctx, admin, 'c1', 2)).rejects.toMatchObject({
      extensions: { code: 'CALL_CHANGED' },
    });
    expect(audits).toEqual([]);
    expect(reminded).toEqual([]);
  });
});
