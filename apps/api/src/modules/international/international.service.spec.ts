import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import type { AuditEntry, AuditService } from '../audit/audit.service';
import type { DocumentsService } from '../documents/documents.service';
import type { JobHandlers } from '../jobs/job-handlers';
import type { JobsRepository } from '../jobs/jobs.repository';
import type { MessagesService } from '../messages/messages.service';
import type { CooperationBaseRow, InternationalRepository } from './international.repository';
import { type RegisterBaseInput, InternationalService } from './international.service';

// The bases register's decisions with the repository stubbed: bad input is refused before any
// statement, the host is a member unit, the recognition document the alliance's own, a step is
// taken from its status at its version only, an evaluation once a year; and what is audited.

const officer: Viewer = {
  userId: 'u-zz',
  tenantId: 't-zhuzhou',
  tenantLevel: 'CITY',
  roles: ['CITY_OFFICER'],
  sessionId: 's1',
};
const alliance = '7d4c1f6e-0000-4000-8000-000000000001';
const host = '7d4c1f6e-0000-4000-8000-000000000002';
const documentId = '7d4c1f6e-0000-4000-8000-000000000003';
const baseId = '7d4c1f6e-0000-4000-8000-000000000004';

const base = (overrides: Partial<CooperationBaseRow> = {}): CooperationBaseRow => ({
  id: baseId,
  tenantId: 't-zhuzhou',
  allianceId: alliance,
  allianceName: '联盟',
  hostOrganizationId: host,
  hostName: '依托单位',
  name: '基地',
  type: 'JOINT_RESEARCH_CENTRE',
  level: 'PROVINCIAL',
  status: 'INCUBATING',
  recognisedOn: null,
  recognitionDocumentId: null,
  recognitionDocumentName: null,
  rectificationDueOn: null,
  revokedOn: null,
  revocationReason: null,
  version: 3,
  createdAt: new Date(),
  ...overrides,
});

function setup(
  opts: { member?: boolean; ownDocument?: boolean; row?: CooperationBaseRow; years?: number[] } = {},
) {
  const calls: string[] = [];
  const audited: AuditEntry[] = [];
  const repository = {
    allianceExists: () => Promise.resolve(true),
    isMember: () => Promise.resolve(opts.member ?? true),
    insertBase: () => {
      calls.push('insertBase');
      return Promise.resolve(baseId);
    },
    base: () => {
      calls.push('base');
      return Promise.resolve(opts.row ?? base());
    },
    updateBase: () => {
      calls.push('updateBase');
      return Promise.resolve(true);
    },
    evaluationsOf: () =>
      Promise.resolve((opts.years ?? []).map((year) => ({ baseId, year, statusBefore: 'RECOGNISED' }))),
    insertEvaluation: () => {
      calls.push('insertEvaluation');
      return Promise.resolve('e1');
    },
    moveByEvaluation: (_db: unknown, _id: string, _expected: unknown, set: { status: string }) => {
      calls.push(`moveByEvaluation ${set.status}`);
      return Promise.resolve(true);
    },
  } as unknown as InternationalRepository;
  const jobs = {
    schedule: (_db: unknown, job: { kind: string; key: string }) => {
      calls.push(`schedule ${job.kind} ${job.key}`);
      return Promise.resolve();
    },
  } as unknown as JobsRepository;
  const documents = {
    belongingTo: () => Promise.resolve(opts.ownDocument === false ? [] : [{ id: documentId }]),
  } as unknown as DocumentsService;
  const audit = {
    record: (_db: EntityManager, e: AuditEntry) => {
      audited.push(e);
      return Promise.resolve();
    },
  } as unknown as AuditService;
  const clock = { now: () => new Date('2027-06-01T02:00:00Z') };
  const service = new InternationalService(
    repository,
    documents,
    audit,
    jobs,
    {} as JobHandlers,
    {} as MessagesService,
    clock,
  );
  const ctx = { db: {} as EntityManager } as RequestContext;
  return { service, ctx, calls, audited };
}

async function refusal(promise: Promise<unknown>): Promise<{ code: unknown; fields: string[] }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const ext = (error as AppError).extensions as {
    code: unknown;
    violations?: { field: string; rule: string }[];
  };
  return { code: ext.code, fields: (ext.violations ?? []).map((v) => `${v.field} ${v.rule}`) };
}

const input = (overrides: Partial<RegisterBaseInput> = {}): RegisterBaseInput => ({
  allianceId: alliance,
  hostOrganizationId: host,
  name: ' 湖南中德轨道交通国际联合研究中心 ',
  type: 'JOINT_RESEARCH_CENTRE',
  level: 'PROVINCIAL',
  status: 'INCUBATING',
  ...overrides,
});

describe('InternationalService.registerBase', () => {
  it.each<[string, Partial<RegisterBaseInput>, string[]]>([
    ['a type not in the list', { type: 'PARK' }, ['type ONE_OF']],
    ['an alliance that is no id', { allianceId: 'x' }, ['allianceId NOT_FOUND']],
    [
      'recognised without its document',
      { status: 'RECOGNISED', recognisedOn: '2027-05-01' },
      ['recognitionDocumentId REQUIRED'],
    ],
  ])('refuses %s before any statement', async (_, change, fields) => {
    const { service, ctx, calls } = setup();
    expect(await refusal(service.registerBase(ctx, officer, input(change)))).toEqual({
      code: 'BAD_USER_INPUT',
      fields,
    });
    expect(calls).toEqual([]);
  });

  it('refuses a host that is not a member unit, and a document of another alliance', async () => {
    const { service, ctx, calls } = setup({ member: false, ownDocument: false });
    const recognised = input({
      status: 'RECOGNISED',
      recognisedOn: '2027-05-01',
      recognitionDocumentId: documentId,
    });
    expect(await refusal(service.registerBase(ctx, officer, recognised))).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['hostOrganizationId NOT_MEMBER_UNIT', 'recognitionDocumentId NOT_ALLIANCE_DOCUMENT'],
    });
    expect(calls).toEqual([]);
  });

  it('registers the trimmed name in the viewer’s tenant and audits it', async () => {
    const { service, ctx, calls, audited } = setup();
    await service.registerBase(ctx, officer, input());
    expect(calls).toEqual(['insertBase', 'base']);
    expect(audited).toMatchObject([
      {
        action: 'cooperation_base.register',
        subjectId: baseId,
        after: { name: '湖南中德轨道交通国际联合研究中心' },
      },
    ]);
  });
});

describe('InternationalService.transition and recordEvaluation', () => {
  const recognise = {
    id: baseId,
    version: 3,
    action: 'RECOGNISE' as const,
    on: '2027-05-01',
    recognitionDocumentId: documentId,
  };

  it.each<[string, CooperationBaseRow, Partial<typeof recognise>, string]>([
    [
      'a base recognised already',
      base({ status: 'RECOGNISED', recognisedOn: '2026-01-01', recognitionDocumentId: documentId }),
      {},
      'COOPERATION_BASE_TRANSITION_REFUSED',
    ],
    ['a stale version', base(), { version: 2 }, 'COOPERATION_BASE_CHANGED'],
  ])('refuses to recognise %s, writing nothing', async (_, row, change, code) => {
    const { service, ctx, calls, audited } = setup({ row });
    expect((await refusal(service.transition(ctx, officer, { ...recognise, ...change }))).code).toBe(code);
    expect(calls).toEqual(['base']);
    expect(audited).toEqual([]);
  });

  it('recognises an incubating base at its version and audits before and after', async () => {
    const { service, ctx, calls, audited } = setup();
    await service.transition(ctx, officer, recognise);
    expect(calls).toEqual(['base', 'updateBase', 'base']);
    expect(audited).toMatchObject([
      {
        action: 'cooperation_base.recognise',
        before: { status: 'INCUBATING', version: 3 },
        after: { status: 'RECOGNISED' },
      },
    ]);
  });

  const scored = (score: number) =>
    ['专家甲', '专家乙', '专家丙'].map((expertName) => ({
      expertName,
      scores: [
        'cooperationResults',
        'technologyTransfer',
        'talentExchange',
        'management',
        'demonstration',
      ].map((key) => ({ key, score })),
    }));
  const recognised = base({
    status: 'RECOGNISED',
    recognisedOn: '2026-01-01',
    recognitionDocumentId: documentId,
  });
  const evaluation = (score: number) => ({
    baseId,
    version: 3,
    year: 2026,
    evaluatedOn: '2027-03-01',
    sheets: scored(score),
    remarks: '',
  });

  it('evaluates a recognised base once a year: 不合格 starts a year of rectification with its job', async () => {
    const once = setup({ row: recognised, years: [2026] });
    expect((await refusal(once.service.evaluate(once.ctx, officer, evaluation(60)))).code).toBe(
      'COOPERATION_BASE_ALREADY_EVALUATED',
    );
    const fresh = setup({ row: recognised });
    await fresh.service.evaluate(fresh.ctx, officer, evaluation(60));
    expect(fresh.calls).toEqual([
      'base',
      'insertEvaluation',
      'moveByEvaluation RECTIFYING',
      `schedule cooperation_base.rectification_deadline ${baseId}:2028-03-01`,
      'base',
    ]);
    expect(fresh.audited).toMatchObject([
      {
        action: 'cooperation_base.evaluate',
        before: { status: 'RECOGNISED', version: 3 },
        after: { grade: 'FAIL', total: 60, status: 'RECTIFYING', rectificationDueOn: '2028-03-01' },
      },
    ]);
  });

  it('revokes a base whose re-evaluation fails, with the reason, in the same year', async () => {
    const rectifying = setup({
      row: { ...recognised, status: 'RECTIFYING', rectificationDueOn: '2028-03-01' },
      years: [2026],
    });
    await rectifying.service.evaluate(rectifying.ctx, officer, evaluation(50));
    expect(rectifying.calls).toEqual(['base', 'insertEvaluation', 'moveByEvaluation REVOKED', 'base']);
    expect(rectifying.audited).toMatchObject([
      { after: { grade: 'FAIL', status: 'REVOKED', reason: '整改后复评仍不合格，撤销认定' } },
    ]);
  });

  it('refuses before any write: an incubating base, a stale version, a bad sheet', async () => {
    const incubating = setup();
    expect((await refusal(incubating.service.evaluate(incubating.ctx, officer, evaluation(80)))).code).toBe(
      'COOPERATION_BASE_TRANSITION_REFUSED',
    );
    const stale = setup({ row: recognised });
    expect(
      (await refusal(stale.service.evaluate(stale.ctx, officer, { ...evaluation(80), version: 2 }))).code,
    ).toBe('COOPERATION_BASE_CHANGED');
    const bad = setup({ row: recognised });
    const sheets = scored(80);
    sheets[1]!.scores.push({ key: 'management', score: 90 });
    sheets[2]!.scores[0]!.score = 101;
    expect(
      (await refusal(bad.service.evaluate(bad.ctx, officer, { ...evaluation(80), sheets }))).fields,
    ).toEqual(['sheets.1.scores DUPLICATE', 'sheets.2.scores.cooperationResults SCORE_RANGE']);
    for (const s of [incubating, stale, bad]) expect(s.calls).toEqual(['base']);
  });
});
