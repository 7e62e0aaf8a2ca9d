import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../common/clock';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import type { AuditEntry, AuditService } from '../audit/audit.service';
import type { MeasuresService } from '../measures/measures.service';
import type { ExpertInput } from './dto/review.input';
import type { ExpertEntity } from './expert.entity';
import { ExpertsService } from './experts.service';
import type { ReviewsRepository } from './reviews.repository';

// The pool service's decisions with the repository stubbed: staff only, the viewer's own pool,
// field rules, stale versions, and what is audited.

const officer: Viewer = {
  userId: 'u-officer',
  tenantId: 't-province',
  tenantLevel: 'PROVINCE',
  roles: ['PROVINCE_OFFICER'],
  sessionId: 's1',
};
const expertViewer: Viewer = { ...officer, userId: 'u-expert', roles: ['EXPERT'] };
const now = new Date('2026-12-05T02:00:00Z');
const ORG = '22222222-2222-4222-8222-222222222222';
const ACCOUNT = '33333333-3333-4333-8333-333333333333';

const stored = (extra: Partial<ExpertEntity> = {}) =>
  ({
    id: 'e1',
    tenantId: 't-province',
    userId: null,
    name: '王教授',
    title: '教授',
    domains: ['SE0802'],
    available: true,
    unavailableReason: '',
    version: 2,
    ...extra,
  }) as ExpertEntity;

const input = (extra: Partial<ExpertInput> = {}): ExpertInput => ({
  name: '王教授',
  title: '教授',
  domainCodes: ['SE0802'],
  affiliations: [{ organizationId: ORG, position: '总工程师' }],
  available: true,
  unavailableReason: '',
  accountUserId: null,
  ...extra,
});

function setup(options: { expert?: ExpertEntity | null; writes?: boolean; expertAccounts?: string[] } = {}) {
  const audits: AuditEntry[] = [];
  const writes: string[] = [];
  const repository: Partial<ReviewsRepository> = {
    expert: () => Promise.resolve(options.expert === undefined ? stored() : options.expert),
    industries: (_db, codes) =>
      Promise.resolve(codes.filter((c) => c === 'SE0802').map((code) => ({ code }) as never)),
    organizationExists: (_db, id) => Promise.resolve(id === ORG),
    tenantExists: () => Promise.resolve(false),
    isExpertAccount: (_db, _t, id) => Promise.resolve((options.expertAccounts ?? []).includes(id)),
    expertOfAccount: () => Promise.resolve(null),
    ties: () => Promise.resolve({ affiliations: [], conflicts: [] }),
    insertExpert: () => (writes.push('insert'), Promise.resolve('e-new')),
    updateExpert: () => (writes.push('update'), Promise.resolve(options.writes !== false)),
    replaceAffiliations: () => (writes.push('affiliations'), Promise.resolve()),
    insertConflict: () => (writes.push('conflict'), Promise.resolve()),
  };
  const audit = { record: (_db: unknown, entry: AuditEntry) => (audits.push(entry), Promise.resolve()) };
  const clock: Clock = { now: () => now };
  const service = new ExpertsService(
    repository as ReviewsRepository,
    audit as unknown as AuditService,
    clock,
    {} as MeasuresService,
  );
  // A stale update reads who changed the expert last: nobody, here.
  const ctx = { db: { query: () => Promise.resolve([]) } as unknown as EntityManager } as RequestContext;
  return { service, ctx, audits, writes };
}

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: { extensions?: { code?: string } }) => error.extensions?.code,
  );

describe('the expert pool', () => {
  it('is kept by the authority staff: an expert account is refused before anything is written', async () => {
    const { service, ctx, writes } = setup();
    expect(await code(service.create(ctx, expertViewer, input()))).toBe('FORBIDDEN');
    expect(await code(service.update(ctx, expertViewer, { id: 'e1', version: 2, expert: input() }))).toBe(
      'FORBIDDEN',
    );
    expect(writes).toEqual([]);
  });

  it('adds an expert with the affiliations and audits it', async () => {
    const { service, ctx, writes, audits } = setup();
    await service.create(ctx, officer, input());
    expect(writes).toEqual(['insert', 'affiliations']);
    expect(audits.map((a) => a.action)).toEqual(['expert.create']);
  });

  it.each<[string, Partial<ExpertInput>, string, string]>([
    ['an unknown domain', { domainCodes: ['XX'] }, 'domainCodes.0', 'UNKNOWN_INDUSTRY'],
    [
      'an unknown organization',
      { affiliations: [{ organizationId: ACCOUNT, position: '' }] },
      'affiliations.0.organizationId',
      'UNKNOWN_ORGANIZATION',
    ],
    [
      'an account without the expert role',
      { accountUserId: ACCOUNT },
      'accountUserId',
      'NOT_AN_EXPERT_ACCOUNT',
    ],
    ['unavailable without a reason', { available: false }, 'unavailableReason', 'REQUIRED'],
  ])('refuses %s field by field and writes nothing', async (_name, extra, field, rule) => {
    const { service, ctx, writes } = setup();
    await expect(service.create(ctx, officer, input(extra))).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', violations: [expect.objectContaining({ field, rule })] },
    });
    expect(writes).toEqual([]);
  });

  it('answers NOT_FOUND for an expert outside the viewer’s pool', async () => {
    const { service, ctx, writes } = setup({ expert: null });
    expect(await code(service.update(ctx, officer, { id: 'e1', version: 2, expert: input() }))).toBe(
      'NOT_FOUND',
    );
    expect(writes).toEqual([]);
  });

  it('answers a stale version with the stale-edit CONFLICT, keeping the affiliations and audit untouched', async () => {
    const { service, ctx, writes, audits } = setup({ writes: false });
    await expect(
      service.update(ctx, officer, { id: 'e1', version: 1, expert: input() }),
    ).rejects.toMatchObject({
      extensions: { code: 'CONFLICT', staleEdit: { record: '专家「王教授」的信息' } },
    });
    expect(writes).toEqual(['update']);
    expect(audits).toEqual([]);
  });

  it('records a declared conflict dated no later than today, audited', async () => {
    const future = setup();
    const declare = (declaredOn: string) =>
      future.service.declareConflict(future.ctx, officer, {
        expertId: 'e1',
        organizationId: ORG,
        reason: '曾任该单位顾问',
        declaredOn,
      });
    await expect(declare('2026-12-06')).rejects.toMatchObject({
      extensions: { violations: [expect.objectContaining({ field: 'declaredOn', rule: 'NOT_IN_FUTURE' })] },
    });
    expect(future.writes).toEqual([]);
    await declare('2026-12-05');
    expect(future.writes).toEqual(['conflict']);
    expect(future.audits.map((a) => a.action)).toEqual(['expert.declare_conflict']);
  });
});
