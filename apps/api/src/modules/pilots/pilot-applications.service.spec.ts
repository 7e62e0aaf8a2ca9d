import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import type { AllianceEntity } from '../alliances/alliance.entity';
import type { AuditEntry, AuditService } from '../audit/audit.service';
import type { CallsService } from '../calls/calls.service';
import type { PilotCallEntity } from '../calls/pilot-call.entity';
import type { DocumentEntity } from '../documents/document.entity';
import type { UpdatePilotApplicationInput } from './dto/pilot-application.input';
import type { PilotApplicationEntity } from './pilot-application.entity';
import type { PilotApplicationForm, PilotApplicationsRepository } from './pilot-applications.repository';
import { PilotApplicationsService } from './pilot-applications.service';

// The applications service's decisions with its repository stubbed: who may draft and edit,
// which application, in which state and version, lost races, and what is audited. The database
// tests (test/pilots) cover the SQL and row security.

const cityOfficer: Viewer = {
  userId: 'u-officer',
  tenantId: 't-city',
  tenantLevel: 'CITY',
  roles: ['CITY_OFFICER'],
  sessionId: 's1',
};
const provinceOfficer: Viewer = {
  ...cityOfficer,
  userId: 'u-prov',
  tenantId: 't-province',
  tenantLevel: 'PROVINCE',
  roles: ['PROVINCE_OFFICER'],
};

function application(overrides: Partial<PilotApplicationEntity> = {}): PilotApplicationEntity {
  return {
    id: 'p1',
    tenantId: 't-city',
    allianceId: 'a1',
    callId: 'c1',
    authorityTenantId: 't-province',
    recommendingTenantId: 't-city',
    level: 'PROVINCIAL',
    state: 'DRAFT',
    version: 2,
    budgetFen: '0',
    ownInvestmentFen: '0',
    ...overrides,
  } as PilotApplicationEntity;
}

const form: UpdatePilotApplicationInput = {
  id: 'p1',
  version: 2,
  goals: '建设共性技术平台',
  workPlan: '三年计划',
  budgetFen: ' 5000000 ',
  ownInvestmentFen: '8000000',
  expectedResults: '关键技术突破',
  contactName: ' 李四 ',
  contactPhone: '0731-1234567',
  feasibilityDocumentId: 'd1',
  attachmentIds: ['d2', 'd2'],
};

function setup(
  stored: PilotApplicationEntity | null,
  options: {
    writes?: boolean;
    documents?: string[];
    alliance?: Partial<AllianceEntity> | null;
    call?: Partial<PilotCallEntity> | null;
    live?: boolean;
  } = {},
) {
  const audits: AuditEntry[] = [];
  const written: { state: string; version: number; form: PilotApplicationForm }[] = [];
  const replaced: string[][] = [];
  const inserted: unknown[] = [];
  const repository: Partial<PilotApplicationsRepository> = {
    find: () => Promise.resolve(stored),
    allianceDocuments: (_db, _alliance, ids) =>
      Promise.resolve(
        ids
          .filter((id) => (options.documents ?? ['d1', 'd2']).includes(id))
          .map((id) => ({ id }) as DocumentEntity),
      ),
    updateForm: (_db, _id, state, version, f) => {
      written.push({ state, version, form: f });
      return Promise.resolve(options.writes ?? true);
    },
    replaceDocuments: (_db, _application, ids) => (replaced.push([...ids]), Promise.resolve()),
    ownAlliance: () =>
      Promise.resolve(
        options.alliance === null
          ? null
          : ({ id: 'a1', status: 'ESTABLISHED', dissolvedOn: null, ...options.alliance } as AllianceEntity),
      ),
    insertDraft: (_db, draft) => (inserted.push(draft), Promise.resolve(options.live ? null : 'p1')),
  };
  const calls = {
    find: () =>
      Promise.resolve(
        options.call === null
          ? null
          : ({
              id: 'c1',
              tenantId: 't-province',
              kind: 'PILOT',
              status: 'PUBLISHED',
              ...options.call,
            } as PilotCallEntity),
      ),
  };
  const audit = { record: (_db: unknown, entry: AuditEntry) => (audits.push(entry), Promise.resolve()) };
  const service = new PilotApplicationsService(
    repository as PilotApplicationsRepository,
    calls as unknown as CallsService,
    audit as unknown as AuditService,
  );
  // The stale-version refusal reads who changed the row last.
  const db = { query: () => Promise.resolve([{ version: 3, updated_at: new Date(), changed_by: '王五' }]) };
  const ctx = { db: db as unknown as EntityManager } as RequestContext;
  return { service, ctx, audits, written, replaced, inserted };
}

describe('editing the 申报书', () => {
  it('writes the form at the version the officer saw, replaces the documents and audits it', async () => {
    const { service, ctx, audits, written, replaced } = setup(application());
    await service.update(ctx, cityOfficer, form);
    expect(written).toEqual([
      {
        state: 'DRAFT',
        version: 2,
        form: expect.objectContaining({
          budgetFen: '5000000',
          contactName: '李四',
          feasibilityDocumentId: 'd1',
        }) as unknown,
      },
    ]);
    expect(replaced).toEqual([['d1', 'd2']]);
    expect(audits.map((a) => a.action)).toEqual(['pilot_application.update']);
  });

  it('is the home city’s step: the province reads the application but may not edit it', async () => {
    const { service, ctx, written } = setup(application({ state: 'RECOMMENDED' }));
    await expect(service.update(ctx, provinceOfficer, form)).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    expect(written).toEqual([]);
  });

  it('answers NOT_FOUND for an application the viewer cannot read', async () => {
    const { service, ctx } = setup(null);
    await expect(service.update(ctx, cityOfficer, form)).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it.each(['SUBMITTED', 'RECOMMENDED', 'APPROVED'] as const)(
    'refuses an application %s with APPLICATION_NOT_WITH_APPLICANT',
    async (state) => {
      const { service, ctx, written } = setup(application({ state }));
      await expect(service.update(ctx, cityOfficer, form)).rejects.toMatchObject({
        extensions: { code: 'APPLICATION_NOT_WITH_APPLICANT' },
      });
      expect(written).toEqual([]);
    },
  );

  it('edits a returned application as a draft', async () => {
    const { service, ctx, written } = setup(application({ state: 'RETURNED' }));
    await service.update(ctx, cityOfficer, form);
    expect(written.map((w) => w.state)).toEqual(['RETURNED']);
  });

  it('refuses a stale version as a stale edit naming who changed it', async () => {
    const { service, ctx, written } = setup(application({ version: 3 }));
    await expect(service.update(ctx, cityOfficer, form)).rejects.toMatchObject({
      extensions: { code: 'CONFLICT', staleEdit: { changedBy: '王五' } },
    });
    expect(written).toEqual([]);
  });

  it('loses a race to another edit as a stale edit, touching no documents and auditing nothing', async () => {
    const { service, ctx, audits, replaced } = setup(application(), { writes: false });
    await expect(service.update(ctx, cityOfficer, form)).rejects.toMatchObject({
      extensions: { code: 'CONFLICT' },
    });
    expect(replaced).toEqual([]);
    expect(audits).toEqual([]);
  });

  it('names every bad field at once: money, length and documents not of the alliance', async () => {
    const { service, ctx, written } = setup(application(), { documents: ['d2'] });
    const input = { ...form, budgetFen: '12.5', contactName: '名'.repeat(41) };
    await expect(service.update(ctx, cityOfficer, input)).rejects.toMatchObject({
      extensions: {
        code: 'BAD_USER_INPUT',
        violations: [
          expect.objectContaining({ field: 'contactName', rule: 'MAX_LENGTH' }),
          expect.objectContaining({ field: 'budgetFen', rule: 'FEN' }),
          expect.objectContaining({ field: 'feasibilityDocumentId', rule: 'NOT_ALLIANCE_DOCUMENT' }),
        ],
      },
    });
    expect(written).toEqual([]);
  });
});

describe('drafting an application', () => {
  it('drafts a provincial application for the city’s alliance to the province’s call and audits it', async () => {
    const { service, ctx, audits, inserted } = setup(application());
    await service.create(ctx, cityOfficer, { callId: 'c1', allianceId: 'a1' });
    expect(inserted).toEqual([
      {
        tenantId: 't-city',
        allianceId: 'a1',
        callId: 'c1',
        authorityTenantId: 't-province',
        level: 'PROVINCIAL',
        createdBy: 'u-officer',
      },
    ]);
    expect(audits).toMatchObject([{ action: 'pilot_application.create', after: { level: 'PROVINCIAL' } }]);
  });

  it('makes a city pilot of the city’s own call', async () => {
    const { service, ctx, inserted } = setup(application(), { call: { tenantId: 't-city' } });
    await service.create(ctx, cityOfficer, { callId: 'c1', allianceId: 'a1' });
    expect(inserted).toMatchObject([{ level: 'CITY', authorityTenantId: 't-city' }]);
  });

  it('is the city staff’s step', async () => {
    const { service, ctx, inserted } = setup(application());
    await expect(
      service.create(ctx, provinceOfficer, { callId: 'c1', allianceId: 'a1' }),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(inserted).toEqual([]);
  });

  it('names the alliance and the call when neither may be applied with', async () => {
    const { service, ctx } = setup(application(), {
      alliance: { dissolvedOn: '2026-01-01' },
      call: { status: 'DRAFT' },
    });
    await expect(service.create(ctx, cityOfficer, { callId: 'c1', allianceId: 'a1' })).rejects.toMatchObject({
      extensions: {
        violations: [
          expect.objectContaining({ field: 'allianceId', rule: 'NOT_ESTABLISHED' }),
          expect.objectContaining({ field: 'callId', rule: 'NOT_PUBLISHED' }),
        ],
      },
    });
  });

  it('refuses a second live application of the alliance to the call, auditing nothing', async () => {
    const { service, ctx, audits } = setup(application(), { live: true });
    await expect(service.create(ctx, cityOfficer, { callId: 'c1', allianceId: 'a1' })).rejects.toMatchObject({
      extensions: { violations: [expect.objectContaining({ rule: 'ALREADY_APPLIED' })] },
    });
    expect(audits).toEqual([]);
  });
});
