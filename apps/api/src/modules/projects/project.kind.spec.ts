import { PROJECT_WORKFLOW, type ProjectState, type TaskContract, transitionOf } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../common/request/request-context';
import type { CallMeasuresService } from '../calls/call-measures.service';
import type { AuditService } from '../audit/audit.service';
import type { DocumentsService } from '../documents/documents.service';
import type { JobsRepository } from '../jobs/jobs.repository';
import type { DebarmentsService } from '../programmes/debarments.service';
import type { ProgrammeApplicationsService } from '../programmes/programme-applications.service';
import type { SupportObjectionsService } from '../programmes/support-objections.service';
import type { ReviewProgressService } from '../reviews/review-progress.service';
import type { PanelsService } from '../reviews/panels.service';
import type { ProjectEntity } from './project.entity';
import { ProjectKind, type ProjectFacts } from './project.kind';
import type { ProjectsRepository } from './projects.repository';

// The project kind's decisions with nothing behind it: who acts, what a guard finds, what an
// effect writes. The database tests (test/projects) cover the SQL, row security and the ledger.

const kind = new ProjectKind(
  {} as ProjectsRepository,
  {} as DebarmentsService,
  {} as ProgrammeApplicationsService,
  {} as DocumentsService,
  {} as CallMeasuresService,
  {} as ReviewProgressService,
  {} as SupportObjectionsService,
  {} as JobsRepository,
  {} as PanelsService,
  {} as AuditService,
  { now: () => new Date('2027-09-15T02:00:00Z') },
);

const viewer = (tenantId: string, roles: Viewer['roles'], userId = 'u1'): Viewer => ({
  userId,
  tenantId,
  tenantLevel: tenantId === 'prov' ? 'PROVINCE' : 'CITY',
  roles,
  sessionId: 's',
});

const contract = {
  title: '项目',
  startOn: '2027-07-01',
  endOn: '2029-06-30',
  milestones: [],
  participants: [],
  responsibleUnit: null,
  budget: { totalFen: '2', lines: [] },
} as unknown as TaskContract;

function project(overrides: Partial<ProjectEntity> = {}): ProjectEntity {
  return {
    id: 'p1',
    tenantId: 'prov',
    allianceTenantId: 'zz',
    awardFen: '100',
    state: 'IN_PROGRESS',
    version: 1,
    dossier: contract,
    reports: [],
    pendingChange: null,
    changeRequestedBy: null,
    supportSource: 'PROVINCIAL_SUPPORT',
    ...overrides,
  } as ProjectEntity;
}

function facts(overrides: Partial<ProjectFacts> = {}): ProjectFacts {
  return {
    db: {} as EntityManager,
    viewer: viewer('prov', ['PROVINCE_ADMIN']),
    project: project(),
    contract,
    to: 'IN_PROGRESS',
    programme: null,
    now: new Date('2027-09-15T02:00:00Z'),
    today: '2027-09-15',
    text: '理由',
    authorityLevel: 'PROVINCE',
    ...overrides,
  };
}

describe('the project kind', () => {
  it.each([
    ['a city officer of the alliance’s home', viewer('zz', ['CITY_OFFICER']), ['PROJECT_SIDE']],
    ['a province officer', viewer('prov', ['PROVINCE_OFFICER']), ['AUTHORITY']],
    ['a province admin', viewer('prov', ['PROVINCE_ADMIN']), ['AUTHORITY', 'AUTHORITY_ADMIN']],
    ['another city’s admin', viewer('cs', ['CITY_ADMIN']), []],
    ['an expert of the province', viewer('prov', ['EXPERT']), []],
    ['the scheduler as the authority', { ...viewer('prov', []), system: true }, ['SYSTEM']],
    ['the scheduler as another tenant', { ...viewer('zz', []), system: true }, []],
  ])('%s acts as %j', (_who, v, actors) => {
    expect(kind.actorsOf(v, project())).toEqual(actors);
  });

  it('refuses an approval by the one who asked for the change (one tenant both sides)', () => {
    const asked = facts({ project: project({ changeRequestedBy: 'u1', state: 'CHANGE_REQUESTED' }) });
    expect(kind.check('APPROVER_IS_NOT_REQUESTER', asked)).toHaveLength(1);
    expect(
      kind.check('APPROVER_IS_NOT_REQUESTER', facts({ project: project({ changeRequestedBy: 'u2' }) })),
    ).toEqual([]);
  });

  it.each([
    [null, 'FEN'],
    ['abc', 'FEN'],
    ['101', 'ABOVE_NET_PAID'],
  ])('refuses a revocation recovering %s (%s)', (recoveryFen, rule) => {
    const f = facts({
      recoveryFen,
      entries: [{ projectId: 'p1', kind: 'DISBURSEMENT', amountFen: '100', on: '2027-09-01' }],
    });
    expect(kind.check('RECOVERY_SET', f).map((v) => v.rule)).toEqual([rule]);
  });

  it('accepts a revocation recovering nothing or what was paid', () => {
    const entries = [{ projectId: 'p1', kind: 'DISBURSEMENT' as const, amountFen: '100', on: '2027-09-01' }];
    expect(kind.check('RECOVERY_SET', facts({ recoveryFen: '0', entries }))).toEqual([]);
    expect(kind.check('RECOVERY_SET', facts({ recoveryFen: '100', entries }))).toEqual([]);
  });

  it('every step out of CHANGE_REQUESTED drops the waiting change; a report within it keeps it', async () => {
    const waiting = project({
      state: 'CHANGE_REQUESTED',
      pendingChange: { kind: 'RESPONSIBLE_PERSON', responsiblePerson: '赵六' },
      changeRequestedBy: 'u9',
    });
    const from: ProjectState = 'CHANGE_REQUESTED';
    for (const action of [
      'REFUSE_CHANGE',
      'WITHDRAW_CHANGE',
      'TERMINATE',
      'FREEZE_ON_DISSOLUTION',
    ] as const) {
      const to = transitionOf(PROJECT_WORKFLOW, from, action)!.to;
      const effect = await kind.effects[action](facts({ project: waiting, to, recoveryFen: '0' }));
      expect(effect, action).toMatchObject({ pendingChange: null, changeRequestedBy: null });
    }
    const report = await kind.effects.SUBMIT_ANNUAL_REPORT(
      facts({
        project: waiting,
        to: 'CHANGE_REQUESTED',
        report: { kind: 'ANNUAL', year: 2027, submittedOn: '2027-09-15', summary: '进展', milestones: [] },
      }),
    );
    expect(report).not.toHaveProperty('pendingChange');
  });

  it('approving applies the waiting change to the contract', async () => {
    const change = { kind: 'EXTENSION' as const, newEndOn: '2029-12-31' };
    const effect = await kind.effects.APPROVE_CHANGE(
      facts({ change, project: project({ pendingChange: change }) }),
    );
    expect(effect.dossier?.endOn).toBe('2029-12-31');
    expect(effect.decisionBasis).toMatchObject({ reason: '理由' });
  });

  it.each<[string, string | null, string, number]>([
    ['no notice yet', null, '2027-09-15', 1],
    ['on the notice’s last day', '2027-09-15', '2027-09-15', 1],
    ['the day after it', '2027-09-14', '2027-09-15', 0],
  ])('holds NOTICE_PERIOD_OVER %s', (_name, noticeEndsOn, today, count) => {
    expect(kind.check('NOTICE_PERIOD_OVER', facts({ project: project({ noticeEndsOn }), today }))).toHaveLength(count);
  });

  it.each<[string, { open: number; sustained: number }, string[]]>([
    ['none', { open: 0, sustained: 0 }, []],
    ['one open', { open: 1, sustained: 0 }, ['OBJECTIONS_ANSWERED']],
    ['one sustained', { open: 0, sustained: 1 }, ['NO_OBJECTION_SUSTAINED']],
  ])('reads the notice’s objections: %s', (_name, objections, failing) => {
    const f = facts({ objections });
    const failed = (['OBJECTIONS_ANSWERED', 'NO_OBJECTION_SUSTAINED'] as const).filter(
      (g) => kind.check(g, f).length > 0,
    );
    expect(failed).toEqual(failing);
  });

  it.each([
    ['NOTICE_PERIOD_OVER', 'SUPPORT_NOTICE_RUNNING'],
    ['OBJECTIONS_ANSWERED', 'SUPPORT_OBJECTION_OPEN'],
    ['NO_OBJECTION_SUSTAINED', 'SUPPORT_OBJECTION_SUSTAINED'],
    ['REASON_GIVEN', 'PROJECT_TRANSITION_REFUSED'],
  ] as const)('refuses a failing %s with %s', (guard, code) => {
    const v = [{ field: `guard.${guard}`, rule: guard, message: '未满足' }];
    expect(kind.refusal('PASS_ACCEPTANCE', v, [guard], facts()).code).toBe(code);
  });

  it('takes the acceptance request’s report and only the alliance’s own documents', () => {
    const own = facts({ text: '总结报告', documentIds: ['d1'], ownDocumentIds: new Set(['d1']) });
    expect(kind.check('FINAL_REPORT_ATTACHED', own)).toEqual([]);
    const foreign = facts({ text: '总结报告', documentIds: ['d2'], ownDocumentIds: new Set(['d1']) });
    expect(kind.check('FINAL_REPORT_ATTACHED', foreign).map((v) => v.field)).toEqual(['documentIds.0']);
  });
});
