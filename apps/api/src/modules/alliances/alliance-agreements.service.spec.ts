import { QueryFailedError, type EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import type { AuditEntry, AuditService } from '../audit/audit.service';
import type { DocumentEntity, DocumentKind } from '../documents/document.entity';
import type { DocumentsService } from '../documents/documents.service';
import type { AgreementSignatureEntity, AllianceAgreementEntity } from './alliance-agreement.entity';
import type { AllianceAgreementsRepository } from './alliance-agreements.repository';
import { AllianceAgreementsService } from './alliance-agreements.service';
import type { AllianceMemberEntity } from './alliance-member.entity';
import type { AllianceMembersRepository } from './alliance-members.repository';
import type { AllianceEntity } from './alliance.entity';
import type { AlliancesService } from './alliances.service';

// A matcher for part of an object (typed unknown: expect's own asymmetric matchers are any).
const like = (part: object): unknown => expect.objectContaining(part);

// Agreement versions with the repositories, the alliance's gate and documents stubbed: a signed
// version is final (AGREEMENT_SIGNED, whether the service or the database notices), stale drafts,
// which scan may be cited, who may sign, and what is audited.

const officer: Viewer = {
  userId: 'u-officer',
  tenantId: 't-changsha',
  tenantLevel: 'CITY',
  roles: ['CITY_OFFICER'],
  sessionId: 's1',
};
const now = new Date('2026-12-05T02:00:00Z');
const allianceId = '7d4c1f6e-0000-4000-8000-000000000001';
const scanId = '7d4c1f6e-0000-4000-8000-0000000000aa';
const theAlliance = { id: allianceId, tenantId: 't-changsha', foundedOn: '2024-01-10' } as AllianceEntity;

function agreement(overrides: Partial<AllianceAgreementEntity> = {}): AllianceAgreementEntity {
  return {
    id: 'a1',
    tenantId: 't-changsha',
    allianceId,
    version: 2,
    revision: 3,
    scanDocumentId: null,
    ...overrides,
  } as AllianceAgreementEntity;
}

const chair = {
  organizationId: 'o-chair',
  joinedOn: '2024-02-01',
  exitedOn: null,
} as AllianceMemberEntity;

const draft = {
  innovationGoals: '联合攻关固态电池材料',
  ipOwnership: '',
  ipLicensing: '',
  ipBenefitSharing: '',
  breachLiability: '',
  ipOnDissolution: '',
  ipOnMemberExit: '',
  fundManagement: '',
  fundSupervision: '',
  newMembersRule: '',
  externalCooperation: '',
  resultsDiffusion: '',
  tasks: [{ organizationId: 'o-chair', task: '牵头正极材料' }],
  scanDocumentId: null,
};

function sqlError(code: string): QueryFailedError {
  return new QueryFailedError('SQL', [], Object.assign(new Error(code), { code }));
}

type Options = {
  stored?: AllianceAgreementEntity | null;
  signed?: boolean;
  updateResult?: boolean | QueryFailedError;
  signatureFails?: QueryFailedError;
  scans?: DocumentEntity[];
  gate?: AppError;
};

function setup(options: Options = {}) {
  const audits: AuditEntry[] = [];
  const writes: string[] = [];
  const scanQueries: { allianceId: string; ids: readonly string[]; kind?: DocumentKind }[] = [];
  const agreements: Partial<AllianceAgreementsRepository> = {
    find: () => Promise.resolve(options.stored === undefined ? agreement() : options.stored),
    isSigned: () => Promise.resolve(options.signed ?? false),
    nextVersion: () => Promise.resolve(3),
    insert: (_db, a) => (
      writes.push(`insert v${a.version}`),
      Promise.resolve(agreement({ ...a, id: 'a-new' }))
    ),
    updateDraft: (_db, id, revision) => {
      writes.push(`updateDraft ${id}@${revision}`);
      const result = options.updateResult ?? true;
      return typeof result === 'boolean' ? Promise.resolve(result) : Promise.reject(result);
    },
    replaceTasks: (_db, a, tasks) => (writes.push(`tasks ${a.id}:${tasks.length}`), Promise.resolve()),
    insertSignature: (_db, s: AgreementSignatureEntity) => {
      if (options.signatureFails) return Promise.reject(options.signatureFails);
      writes.push(`sign ${s.organizationId}`);
      return Promise.resolve();
    },
  };
  const members: Partial<AllianceMembersRepository> = {
    current: () => Promise.resolve([chair]),
    memberships: (_db, _alliance, organizationId) =>
      Promise.resolve(organizationId === chair.organizationId ? [chair] : []),
  };
  const alliances: Partial<AlliancesService> = {
    lockForChange: () => (options.gate ? Promise.reject(options.gate) : Promise.resolve(theAlliance)),
    today: () => '2026-12-05',
  };
  const documents: Partial<DocumentsService> = {
    belongingTo: (_db, allianceId, ids, kind) => {
      scanQueries.push({ allianceId, ids, kind });
      return Promise.resolve(options.scans ?? []);
    },
  };
  const audit = { record: (_db: unknown, entry: AuditEntry) => (audits.push(entry), Promise.resolve()) };
  const clock: Clock = { now: () => now };
  const service = new AllianceAgreementsService(
    agreements as AllianceAgreementsRepository,
    members as AllianceMembersRepository,
    alliances as AlliancesService,
    documents as DocumentsService,
    audit as unknown as AuditService,
    clock,
  );
  // staleEdit reads who changed the row last: nobody known here.
  const ctx = { db: { query: () => Promise.resolve([]) } as unknown as EntityManager } as RequestContext;
  return { service, ctx, audits, writes, scanQueries };
}

const refusal = (code: string) => ({ extensions: like({ code }) });
const rule = (field: string, name: string) => ({
  extensions: like({ violations: [like({ field, rule: name })] }),
});

describe('creating a version', () => {
  it('numbers it after the last, writes its tasks and audits it', async () => {
    const { service, ctx, writes, audits } = setup();
    await service.createVersion(ctx, officer, { ...draft, allianceId });
    expect(writes).toEqual(['insert v3', 'tasks a-new:1']);
    expect(audits).toEqual([
      like({
        action: 'agreement.create_version',
        after: like({ version: 3 }),
      }),
    ]);
  });

  it('cites only an agreement scan the alliance uploaded', async () => {
    const { service, ctx, writes, scanQueries } = setup({ scans: [] });
    await expect(
      service.createVersion(ctx, officer, { ...draft, allianceId, scanDocumentId: scanId }),
    ).rejects.toMatchObject(rule('scanDocumentId', 'UNKNOWN_DOCUMENT'));
    expect(scanQueries).toEqual([{ allianceId, ids: [scanId], kind: 'AGREEMENT_SCAN' }]);
    expect(writes).toEqual([]);
  });

  it('puts tasks on current members only', async () => {
    const { service, ctx, writes } = setup();
    const tasks = [{ organizationId: 'o-stranger', task: '分工' }];
    await expect(service.createVersion(ctx, officer, { ...draft, allianceId, tasks })).rejects.toMatchObject(
      rule('tasks.0.organizationId', 'NOT_A_MEMBER'),
    );
    expect(writes).toEqual([]);
  });
});

describe('correcting a draft', () => {
  const input = { ...draft, agreementId: 'a1', revision: 3 };

  it('writes against the revision read, replaces the tasks and audits', async () => {
    const { service, ctx, writes, audits } = setup();
    await service.updateDraft(ctx, officer, input);
    expect(writes).toEqual(['updateDraft a1@3', 'tasks a1:1']);
    expect(audits.map((a) => a.action)).toEqual(['agreement.update_draft']);
  });

  it('refuses a signed version with AGREEMENT_SIGNED before writing anything', async () => {
    const { service, ctx, writes } = setup({ signed: true });
    await expect(service.updateDraft(ctx, officer, input)).rejects.toMatchObject(refusal('AGREEMENT_SIGNED'));
    expect(writes).toEqual([]);
  });

  it('answers the database’s own refusal of a signed version (55000) with AGREEMENT_SIGNED', async () => {
    const { service, ctx, audits } = setup({ updateResult: sqlError('55000') });
    await expect(service.updateDraft(ctx, officer, input)).rejects.toMatchObject(refusal('AGREEMENT_SIGNED'));
    expect(audits).toEqual([]);
  });

  it('refuses a stale revision with the stale-edit CONFLICT, leaving the tasks and audit alone', async () => {
    const { service, ctx, writes, audits } = setup({ updateResult: false });
    await expect(service.updateDraft(ctx, officer, input)).rejects.toMatchObject({
      extensions: like({
        code: 'CONFLICT',
        staleEdit: like({ record: '联盟协议第 2 版草稿' }),
      }),
    });
    expect(writes).toEqual(['updateDraft a1@3']);
    expect(audits).toEqual([]);
  });

  it('answers NOT_FOUND for another tenant’s agreement', async () => {
    const { service, ctx, writes } = setup({ stored: agreement({ tenantId: 't-zhuzhou' }) });
    await expect(service.updateDraft(ctx, officer, input)).rejects.toMatchObject(refusal('NOT_FOUND'));
    expect(writes).toEqual([]);
  });

  it('passes on ALLIANCE_DISSOLVED from the alliance’s gate', async () => {
    const gate = new AppError('ALLIANCE_DISSOLVED');
    const { service, ctx, writes } = setup({ gate });
    await expect(service.updateDraft(ctx, officer, input)).rejects.toBe(gate);
    expect(writes).toEqual([]);
  });
});

describe('recording a signature', () => {
  const input = {
    agreementId: 'a1',
    organizationId: 'o-chair',
    signatoryName: '王董事长',
    signedOn: '2026-12-01',
  };

  it('records a member’s signature and audits it', async () => {
    const { service, ctx, writes, audits } = setup();
    const signature = await service.recordSignature(ctx, officer, input);
    expect(signature).toMatchObject({ allianceId, organizationId: 'o-chair', recordedAt: now });
    expect(writes).toEqual(['sign o-chair']);
    expect(audits.map((a) => a.action)).toEqual(['agreement.sign']);
  });

  it('refuses an organization not on the roll that day', async () => {
    for (const refused of [
      { ...input, organizationId: 'o-stranger' },
      { ...input, signedOn: '2024-01-31' },
    ]) {
      const { service, ctx, writes } = setup();
      await expect(service.recordSignature(ctx, officer, refused)).rejects.toMatchObject(
        rule('organizationId', 'SIGNATORY_NOT_MEMBER'),
      );
      expect(writes).toEqual([]);
    }
  });

  it('answers a second signature the database refuses with ALREADY_SIGNED, auditing nothing', async () => {
    const { service, ctx, audits } = setup({ signatureFails: sqlError('23505') });
    await expect(service.recordSignature(ctx, officer, input)).rejects.toMatchObject(
      rule('organizationId', 'ALREADY_SIGNED'),
    );
    expect(audits).toEqual([]);
  });
});
