import { Injectable } from '@nestjs/common';
import {
  applyProjectChange,
  changeDebarmentViolations,
  chinaDate,
  continueUnderUnit,
  type Debarment,
  type FieldViolation,
  type LedgerEntry,
  parseProgressReport,
  parseProjectChange,
  type ProgressReport,
  PROJECT_WORKFLOW,
  type ProjectAction,
  type ProjectActor,
  projectActorsOf,
  projectChangeViolations,
  type ProjectChange,
  type ProjectDecisionBasis,
  type ProjectGuard,
  projectRouteHolds,
  type ProjectState,
  progressReportViolations,
  reportsDue,
  revocationRecoveryViolations,
  STAFF_ROLES,
  type SuccessorUnit,
  successorViolations,
  type TaskContract,
  type TenantLevel,
  type Transition,
} from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppError, violation } from '../../common/errors/app-error';
import type { Viewer } from '../../common/request/request-context';
import type { Effects, KindRuntime } from '../applications/application-engine';
import type { Posting } from '../messages/messages.repository';
import type { ProgrammeEntity } from '../programmes/programme.entity';
import { DebarmentsService } from '../programmes/debarments.service';
import { ProjectEntity } from './project.entity';
import { projectChanged, projectRefused } from './projects.errors';
import { ProjectsRepository } from './projects.repository';

const MAX_TEXT = 2000;

/** The job an alliance's dissolution queues for each awarding authority (a trigger of the register). */
export const PROJECT_DISSOLUTION_JOB = 'project.alliance_dissolved';

/** A debarment decided with a revocation (Art. 20(2)): the unit and the decision document. */
export type RevocationDebarment = { organizationId: string; decisionDocument: string; reason: string };

/** What the guards and effects of one action on one project read, each once. */
export type ProjectFacts = {
  db: EntityManager;
  viewer: Viewer;
  project: ProjectEntity;
  contract: TaskContract;
  to: ProjectState;
  programme: ProgrammeEntity | null;
  now: Date;
  today: string;
  text: string;
  authorityLevel: TenantLevel;
  /** The change asked for (REQUEST_CHANGE, ADJUST) or waiting (APPROVE_CHANGE). */
  change?: ProjectChange | null;
  report?: ProgressReport | null;
  debarments?: Debarment[];
  successor?: SuccessorUnit | null;
  entries?: LedgerEntry[];
  recoveryFen?: string | null;
  debar?: RevocationDebarment[];
  dissolved?: boolean;
};

type ProjectKindRuntime = KindRuntime<
  ProjectEntity,
  ProjectState,
  ProjectAction,
  ProjectActor,
  ProjectGuard,
  ProjectFacts
>;

const REPORT_KIND: Partial<Record<ProjectAction, 'ANNUAL' | 'MIDTERM'>> = {
  SUBMIT_ANNUAL_REPORT: 'ANNUAL',
  SUBMIT_MIDTERM_REPORT: 'MIDTERM',
};

/** Guards that cannot hold until acceptance review runs on the reviews module (not wired yet). */
export const ACCEPTANCE_REVIEW_GUARDS: readonly ProjectGuard[] = [
  'PANEL_COMPLETE',
  'ALL_SHEETS_SUBMITTED',
  'NOTICE_PERIOD_OVER',
  'OBJECTIONS_ANSWERED',
];

/** A project (立项) as a kind of the application engine; its dossier is the task contract. */
@Injectable()
export class ProjectKind implements ProjectKindRuntime {
  readonly workflow = PROJECT_WORKFLOW;
  readonly entity = ProjectEntity;
  readonly noun = '项目';

  constructor(
    private readonly projects: ProjectsRepository,
    private readonly debarments: DebarmentsService,
    private readonly clock: Clock,
  ) {}

  async load(db: EntityManager, id: string): Promise<ProjectEntity> {
    const project = await this.projects.find(db, id);
    if (!project) throw new AppError('NOT_FOUND');
    return project;
  }

  actorsOf(viewer: Viewer, project: ProjectEntity): ProjectActor[] {
    if (viewer.system) return viewer.tenantId === project.tenantId ? ['SYSTEM'] : [];
    return projectActorsOf(viewer, {
      tenantId: project.allianceTenantId,
      authorityTenantId: project.tenantId,
    });
  }

  async facts(
    db: EntityManager,
    viewer: Viewer,
    project: ProjectEntity,
    transition: Transition<ProjectState, ProjectAction, ProjectActor, ProjectGuard>,
    text: string,
    details: Record<string, unknown>,
  ): Promise<ProjectFacts> {
    const now = this.clock.now();
    const contract = project.dossier;
    if (!contract) throw new AppError('NOT_FOUND');
    const facts: ProjectFacts = {
      db,
      viewer,
      project,
      contract,
      to: transition.to,
      programme: await this.projects.programme(db, project.programmeId),
      now,
      today: chinaDate(now),
      text,
      authorityLevel: project.supportSource === 'PROVINCIAL_SUPPORT' ? 'PROVINCE' : 'CITY',
    };
    const needs = new Set<string>([...transition.guards, transition.action]);
    const action = transition.action;
    if (action === 'APPROVE_CHANGE') facts.change = project.pendingChange;
    else if (needs.has('CHANGE_WELL_FORMED')) facts.change = parseProjectChange(details.change);
    const reportKind = REPORT_KIND[action];
    if (reportKind) {
      const report = parseProgressReport({ ...objectOf(details.report), kind: reportKind });
      facts.report = report && { ...report, submittedOn: facts.today };
    }
    if (action === 'CONTINUE_UNDER_UNIT') facts.successor = await this.successorOf(db, details.successorUnit);
    if (needs.has('NO_PARTICIPANT_DEBARRED')) {
      const ids = [
        ...(facts.change?.kind === 'PARTICIPANT_CHANGE'
          ? facts.change.added.map((p) => p.organizationId)
          : []),
        ...(facts.successor ? [facts.successor.organizationId] : []),
      ];
      facts.debarments = ids.length ? await this.debarments.active(db, ids, facts.today) : [];
    }
    if (needs.has('RECOVERY_SET')) {
      facts.entries = await this.projects.ledger(db, project.id);
      facts.recoveryFen = typeof details.recoveryFen === 'string' ? details.recoveryFen.trim() : null;
      facts.debar = debarmentsOf(details.debar);
    }
    if (needs.has('ALLIANCE_DISSOLVED'))
      facts.dissolved = await this.projects.allianceDissolved(db, project.id);
    return facts;
  }

  private async successorOf(db: EntityManager, value: unknown): Promise<SuccessorUnit | null> {
    const o = objectOf(value);
    const organizationId = typeof o.organizationId === 'string' ? o.organizationId.trim() : '';
    if (!organizationId) return null;
    const name = await this.projects.organizationName(db, organizationId);
    return { organizationId, name: name ?? '', task: typeof o.task === 'string' ? o.task : '' };
  }

  check(guard: ProjectGuard, f: ProjectFacts): FieldViolation[] {
    const fail = (message: string = PROJECT_WORKFLOW.guards[guard].label) => [
      violation(`guard.${guard}`, guard, message),
    ];
    const budgetContext = { awardFen: String(f.project.awardFen), authorityLevel: f.authorityLevel };
    switch (guard) {
      case 'REASON_GIVEN':
        if (!f.text) return fail();
        return [...f.text].length > MAX_TEXT ? fail(`理由不能超过 ${MAX_TEXT} 个字`) : [];
      case 'REPORT_COMPLETE':
        if (!f.report) return fail('请填写进展报告');
        return progressReportViolations(f.report, f.contract, f.project.reports);
      case 'CHANGE_WELL_FORMED':
        if (!f.change) return fail('请选择变更类型并填写变更内容');
        return projectChangeViolations(f.change, f.contract, budgetContext);
      case 'NO_PARTICIPANT_DEBARRED':
        if (f.successor)
          return successorViolations(f.successor, f.debarments ?? [], f.today).filter(
            (v) => v.rule === 'DEBARRED',
          );
        return f.change ? changeDebarmentViolations(f.change, f.debarments ?? [], f.today) : [];
      case 'APPROVER_IS_NOT_REQUESTER':
        return f.project.changeRequestedBy !== null && f.project.changeRequestedBy === f.viewer.userId
          ? fail()
          : [];
      case 'REPORTS_UP_TO_DATE': {
        const due = reportsDue(f.contract, f.project.reports, f.today);
        return due.length
          ? fail(
              `尚有应报送的进展报告未报送：${due
                .map((d) => (d.kind === 'ANNUAL' ? `${d.year} 年度报告` : '中期报告'))
                .join('、')}`,
            )
          : [];
      }
      case 'FINAL_REPORT_ATTACHED':
        // The final report's summary is the text the acceptance request is made with.
        if (!f.text) return fail();
        return [...f.text].length > MAX_TEXT ? fail(`总结报告摘要不能超过 ${MAX_TEXT} 个字`) : [];
      case 'PANEL_COMPLETE':
      case 'ALL_SHEETS_SUBMITTED':
        return fail('验收专家评审尚未接入本系统，请线下组织后由管理员终止或撤销，或待后续版本');
      case 'NOTICE_ASKED':
      case 'NO_NOTICE_ASKED':
        return f.programme && projectRouteHolds(guard, f.programme) ? [] : fail();
      case 'NOTICE_PERIOD_OVER':
      case 'OBJECTIONS_ANSWERED':
        return fail();
      case 'RECOVERY_SET':
        return [
          ...revocationRecoveryViolations(f.project.id, f.entries ?? [], f.recoveryFen ?? null),
          ...debarmentInputViolations(f.debar ?? []),
        ];
      case 'ALLIANCE_DISSOLVED':
        return f.dissolved ? [] : fail();
      case 'SUCCESSOR_UNIT_NAMED': {
        const named = successorViolations(f.successor ?? null, [], f.today);
        if (f.successor && !f.successor.name)
          named.push({ ...violation('successorUnit', 'NOT_FOUND', '单位名录中没有该单位'), article: '' });
        return named;
      }
    }
  }

  private by(f: ProjectFacts): string | null {
    return f.viewer.system ? null : f.viewer.userId;
  }

  /** Every step leaving CHANGE_REQUESTED drops the change that waited (the table's check says so). */
  private leaving(f: ProjectFacts, extra: Effects<ProjectEntity>): Effects<ProjectEntity> {
    return f.to === 'CHANGE_REQUESTED' ? extra : { pendingChange: null, changeRequestedBy: null, ...extra };
  }

  private decision(
    f: ProjectFacts,
    basis: Partial<ProjectDecisionBasis>,
    extra: Effects<ProjectEntity> = {},
  ) {
    return this.leaving(f, {
      ...extra,
      lastReason: f.text || null,
      decidedAt: f.now,
      decidedBy: this.by(f),
      decisionBasis: {
        reason: f.text || null,
        recoveryFen: null,
        debarmentDocuments: [],
        successorUnit: null,
        reviewTotal: null,
        passes: null,
        ...basis,
      },
    });
  }

  private report = (f: ProjectFacts): Effects<ProjectEntity> => ({
    reports: [...f.project.reports, f.report!],
  });

  private reason = (f: ProjectFacts): Effects<ProjectEntity> =>
    this.leaving(f, { lastReason: f.text || null });

  readonly effects: Record<
    ProjectAction,
    (f: ProjectFacts) => Effects<ProjectEntity> | Promise<Effects<ProjectEntity>>
  > = {
    SUBMIT_ANNUAL_REPORT: this.report,
    SUBMIT_MIDTERM_REPORT: this.report,
    REQUEST_CHANGE: (f) => ({
      pendingChange: f.change!,
      changeRequestedBy: f.viewer.userId,
      lastReason: f.text,
    }),
    APPROVE_CHANGE: (f) => this.decision(f, {}, { dossier: applyProjectChange(f.contract, f.change!) }),
    REFUSE_CHANGE: this.reason,
    WITHDRAW_CHANGE: this.reason,
    REQUEST_ACCEPTANCE: this.reason,
    RETURN_ACCEPTANCE: this.reason,
    START_ACCEPTANCE_REVIEW: () => ({}),
    FINISH_ACCEPTANCE_REVIEW: () => ({}),
    PUBLICISE_ACCEPTANCE: () => ({}),
    PASS_ACCEPTANCE: (f) => this.decision(f, { passes: true }),
    FAIL_ACCEPTANCE: (f) => this.decision(f, { passes: false }),
    TERMINATE: (f) => this.decision(f, {}),
    REVOKE: (f) =>
      this.decision(f, {
        recoveryFen: BigInt(f.recoveryFen!).toString(),
        debarmentDocuments: [...new Set((f.debar ?? []).map((d) => d.decisionDocument.trim()))],
      }),
    FREEZE_ON_DISSOLUTION: (f) =>
      this.leaving(f, { frozenAt: f.now, lastReason: '联盟已解散，项目冻结待主管部门处理（第十九条）' }),
    CONTINUE_UNDER_UNIT: (f) =>
      this.decision(
        f,
        { successorUnit: { organizationId: f.successor!.organizationId, name: f.successor!.name } },
        { dossier: continueUnderUnit(f.contract, f.successor!), frozenAt: null },
      ),
    ADJUST: (f) =>
      this.decision(f, {}, { dossier: applyProjectChange(f.contract, f.change!), frozenAt: null }),
  };

  refusal(
    action: ProjectAction,
    violations: FieldViolation[],
    _failed: ProjectGuard[],
    f: ProjectFacts | undefined,
  ): AppError {
    if (!f) return projectRefused(violations, violations[0]?.message);
    const label = PROJECT_WORKFLOW.actions[action].label;
    return projectRefused(violations, `不能「${label}」：${violations.map((v) => v.message).join('；')}`);
  }

  changed(): AppError {
    return projectChanged();
  }

  auditAfter(action: ProjectAction, text: string): Record<string, unknown> {
    return text ? { reason: text } : {};
  }

  notices(row: ProjectEntity, action: ProjectAction, f: ProjectFacts, text: string): Posting[] {
    const label = PROJECT_WORKFLOW.actions[action].label;
    const post = (tenantId: string, kind: string, title: string, body: string): Posting => ({
      to: { tenantId, roles: STAFF_ROLES },
      kind,
      title,
      body,
      link: `/projects/${row.id}`,
      subjectType: 'project',
      subjectId: row.id,
      dedupeKey: `project.${action.toLowerCase()}:${row.id}:${row.version}`,
    });
    const said = text ? `：${text}` : '';
    switch (action) {
      case 'REQUEST_CHANGE':
      case 'REQUEST_ACCEPTANCE':
        return [
          post(
            row.tenantId,
            'PROJECT_CHANGE_REQUESTED',
            `${label}：${row.title}`,
            `「${row.title}」${label}${said}`,
          ),
        ];
      case 'FREEZE_ON_DISSOLUTION':
        return [
          post(
            row.tenantId,
            'PROJECT_FROZEN',
            `项目冻结待处理：${row.title}`,
            `「${row.title}」的联盟已解散，项目已冻结、停止拨付。请决定由指定单位继续实施、调整、终止或撤销（第十九条）。`,
          ),
        ];
      case 'APPROVE_CHANGE':
      case 'REFUSE_CHANGE':
      case 'RETURN_ACCEPTANCE':
      case 'PASS_ACCEPTANCE':
      case 'FAIL_ACCEPTANCE':
      case 'TERMINATE':
      case 'REVOKE':
      case 'CONTINUE_UNDER_UNIT':
      case 'ADJUST':
        return f.viewer.tenantId === row.allianceTenantId
          ? []
          : [
              post(
                row.allianceTenantId,
                'PROJECT_DECIDED',
                `${label}：${row.title}`,
                `「${row.title}」${label}${said}`,
              ),
            ];
      case 'SUBMIT_ANNUAL_REPORT':
      case 'SUBMIT_MIDTERM_REPORT':
      case 'WITHDRAW_CHANGE':
      case 'START_ACCEPTANCE_REVIEW':
      case 'FINISH_ACCEPTANCE_REVIEW':
      case 'PUBLICISE_ACCEPTANCE':
        return [];
    }
  }
}

function objectOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function debarmentsOf(value: unknown): RevocationDebarment[] {
  if (!Array.isArray(value)) return [];
  return value.map((d) => {
    const o = objectOf(d);
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    return {
      organizationId: text(o.organizationId).trim(),
      decisionDocument: text(o.decisionDocument),
      reason: text(o.reason),
    };
  });
}

/** A debarment decided with a revocation names its unit and decision; the register checks the rest. */
function debarmentInputViolations(debar: RevocationDebarment[]): FieldViolation[] {
  return debar.flatMap((d, i) => [
    ...(d.organizationId ? [] : [violation(`debar.${i}.organizationId`, 'REQUIRED', '请选择被禁入的单位')]),
    ...(d.decisionDocument.trim()
      ? []
      : [violation(`debar.${i}.decisionDocument`, 'REQUIRED', '请填写禁入决定文号')]),
    ...(d.reason.trim() ? [] : [violation(`debar.${i}.reason`, 'REQUIRED', '请填写禁入理由')]),
  ]);
}
