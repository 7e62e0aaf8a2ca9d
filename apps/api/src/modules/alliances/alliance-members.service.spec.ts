import { QueryFailedError, type EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import type { AuditEntry, AuditService } from '../audit/audit.service';
import type { OrganizationEntity } from '../organizations/organization.entity';
import type { OrganizationsService } from '../organizations/organizations.service';
import type { AllianceMemberEntity } from './alliance-member.entity';
import type { AllianceMembersRepository, NewMember } from './alliance-members.repository';
import { AllianceMembersService } from './alliance-members.service';
import type { AllianceEntity } from './alliance.entity';
import type { AlliancesService } from './alliances.service';

// A matcher for part of an object (typed unknown: expect's own asymmetric matchers are any).
const like = (part: object): unknown => expect.objectContaining(part);

// Joining and leaving with the repository and the alliance's gate stubbed: who may be added, what
// a dissolved alliance refuses, races the database settles, and what is audited.

const officer: Viewer = {
  userId: 'u-officer',
  tenantId: 't-changsha',
  tenantLevel: 'CITY',
  roles: ['CITY_OFFICER'],
  sessionId: 's1',
};
const allianceId = '7d4c1f6e-0000-4000-8000-000000000001';
const theAlliance = { id: allianceId, tenantId: 't-changsha', foundedOn: '2024-01-10' } as AllianceEntity;
const organization = { id: 'o-csu', name: '中南大学' } as OrganizationEntity;

function member(overrides: Partial<AllianceMemberEntity> = {}): AllianceMemberEntity {
  return {
    id: 'm1',
    tenantId: 't-changsha',
    allianceId,
    organizationId: 'o-csu',
    role: 'MEMBER',
    joinedOn: '2024-02-01',
    exitedOn: null,
    exitReason: null,
    createdAt: new Date(),
    ...overrides,
  };
}

function uniqueViolation(): QueryFailedError {
  return new QueryFailedError('INSERT', [], Object.assign(new Error('duplicate key'), { code: '23505' }));
}

type Options = {
  current?: AllianceMemberEntity[];
  stored?: AllianceMemberEntity[];
  gate?: AppError;
  insertFails?: boolean;
};

function setup(options: Options = {}) {
  const audits: AuditEntry[] = [];
  const inserted: NewMember[] = [];
  const exits: string[] = [];
  const locked: string[] = [];
  let reads = [...(options.stored ?? [])];
  const members: Partial<AllianceMembersRepository> = {
    current: () => Promise.resolve(options.current ?? []),
    find: () => Promise.resolve(reads.shift() ?? null),
    insert: (_db, m) => {
      if (options.insertFails) return Promise.reject(uniqueViolation());
      inserted.push(m);
      return Promise.resolve(member({ ...m, id: 'm-new' }));
    },
    exit: (_db, id) => (exits.push(id), Promise.resolve(true)),
  };
  const alliances: Partial<AlliancesService> = {
    lockForChange: (_db, _viewer, id) => {
      locked.push(id);
      return options.gate ? Promise.reject(options.gate) : Promise.resolve(theAlliance);
    },
    today: () => '2026-12-05',
  };
  const organizations: Partial<OrganizationsService> = {
    find: (_db, id) => Promise.resolve(id === organization.id ? organization : null),
  };
  const audit = { record: (_db: unknown, entry: AuditEntry) => (audits.push(entry), Promise.resolve()) };
  const service = new AllianceMembersService(
    members as AllianceMembersRepository,
    alliances as AlliancesService,
    organizations as OrganizationsService,
    audit as unknown as AuditService,
  );
  const ctx = { db: {} as EntityManager } as RequestContext;
  return {
    service,
    ctx,
    audits,
    inserted,
    exits,
    locked,
    restock: (rows: AllianceMemberEntity[]) => (reads = rows),
  };
}

const join = { allianceId, organizationId: 'o-csu', role: 'MEMBER' as const, joinedOn: '2024-03-01' };
const rule = (field: string, name: string) => ({
  extensions: like({
    code: 'BAD_USER_INPUT',
    violations: [like({ field, rule: name })],
  }),
});

describe('adding a member', () => {
  it('adds an organization from the directory and audits it with its role', async () => {
    const { service, ctx, inserted, audits } = setup();
    await service.add(ctx, officer, join);
    expect(inserted).toEqual([
      { tenantId: 't-changsha', allianceId, organizationId: 'o-csu', role: 'MEMBER', joinedOn: '2024-03-01' },
    ]);
    expect(audits).toEqual([
      like({
        action: 'alliance.add_member',
        subjectId: allianceId,
        after: like({ name: '中南大学', roleLabel: '成员单位' }),
      }),
    ]);
  });

  it('passes on the alliance’s refusal (dissolved, not found) and writes nothing', async () => {
    for (const gate of [new AppError('ALLIANCE_DISSOLVED'), new AppError('NOT_FOUND')]) {
      const { service, ctx, inserted } = setup({ gate });
      await expect(service.add(ctx, officer, join)).rejects.toBe(gate);
      expect(inserted).toEqual([]);
    }
  });

  it('refuses an organization not in the directory, a date before founding, a second chair', async () => {
    const cases = [
      {
        input: { ...join, organizationId: 'o-unknown' },
        options: {},
        field: 'organizationId',
        name: 'UNKNOWN_ORGANIZATION',
      },
      { input: { ...join, joinedOn: '2023-12-31' }, options: {}, field: 'joinedOn', name: 'BEFORE_FOUNDING' },
      {
        input: { ...join, role: 'CHAIR' as const },
        options: { current: [member({ organizationId: 'o-other', role: 'CHAIR' })] },
        field: 'role',
        name: 'CHAIR_TAKEN',
      },
      {
        input: join,
        options: { current: [member()] },
        field: 'organizationId',
        name: 'ALREADY_MEMBER',
      },
    ];
    for (const { input, options, field, name } of cases) {
      const { service, ctx, inserted, audits } = setup(options);
      await expect(service.add(ctx, officer, input), name).rejects.toMatchObject(rule(field, name));
      expect(inserted).toEqual([]);
      expect(audits).toEqual([]);
    }
  });

  it('answers a membership the database refuses as a duplicate with ALREADY_MEMBER, auditing nothing', async () => {
    const { service, ctx, audits } = setup({ insertFails: true });
    await expect(service.add(ctx, officer, join)).rejects.toMatchObject(
      rule('organizationId', 'ALREADY_MEMBER'),
    );
    expect(audits).toEqual([]);
  });
});

describe('a member exiting', () => {
  const exit = { memberId: 'm1', exitedOn: '2026-12-01', reason: '业务调整，主动退出' };

  it('records the exit, keeps the row, and audits it', async () => {
    const { service, ctx, exits, audits } = setup({ stored: [member(), member()] });
    const exited = await service.exit(ctx, officer, exit);
    expect(exited).toMatchObject({ id: 'm1', exitedOn: '2026-12-01', exitReason: '业务调整，主动退出' });
    expect(exits).toEqual(['m1']);
    expect(audits.map((a) => a.action)).toEqual(['alliance.exit_member']);
  });

  it('answers NOT_FOUND for another tenant’s member before locking its alliance', async () => {
    const { service, ctx, locked, exits } = setup({ stored: [member({ tenantId: 't-zhuzhou' })] });
    await expect(service.exit(ctx, officer, exit)).rejects.toMatchObject({
      extensions: like({ code: 'NOT_FOUND' }),
    });
    expect(locked).toEqual([]);
    expect(exits).toEqual([]);
  });

  it('refuses a member that exited meanwhile (read again under the lock) with ALREADY_EXITED', async () => {
    const { service, ctx, exits, audits } = setup({
      stored: [member(), member({ exitedOn: '2026-11-30' })],
    });
    await expect(service.exit(ctx, officer, exit)).rejects.toMatchObject(rule('memberId', 'ALREADY_EXITED'));
    expect(exits).toEqual([]);
    expect(audits).toEqual([]);
  });
});
