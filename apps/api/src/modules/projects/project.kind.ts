import { Injectable } from '@nestjs/common';
import {
  acceptanceRequestViolations,
  allSheetsIn,
  applyProjectChange,
  changeDebarmentViolations,
  chinaDate,
  continueUnderUnit,
  type Debarment,
  type FieldViolation,
  type LedgerEntry,
  noticePeriodOver,
  type ObjectionTally,
  type PanelStatus,
  panelComplete,
  parseProgressReport,
  parseProjectChange,
  type ProgressReport,
  type ProjectAcceptance,
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
  publicNoticePeriod,
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
import { type CallMeasures, CallMeasuresService } from '../calls/call-measures.service';
import { AuditService } from '../audit/audit.service';
import { DocumentsService } from '../documents/documents.service';
import { JobsRepository } from '../jobs/jobs.repository';
import { DebarmentsService } from '../programmes/debarments.service';
import { ProgrammeApplicationsService } from '../programmes/programme-applications.service';
import { noticeEndJob } from '../programmes/support-notice-ends';
import { SupportObjectionsService } from '../programmes/support-objections.service';
import { PanelsService } from '../reviews/panels.service';
import { ReviewProgressService } from '../reviews/review-progress.service';
import type { ReviewSubject } from '../reviews/review-subject';
import { ProjectEntity } from './project.entity';
import { projectChanged, projectRefused } from './projects.errors';
import { LEDGER_DOCUMENT_MAX, LEDGER_NOTE_MAX, ProjectsRepository } from './projects.repository';

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
  /** REVOKE: the revocation's decision document, which its recovery entry cites. */
  decisionDocument?: string;
  dissolved?: boolean;
  /** REQUEST_ACCEPTANCE: the documents named, and those of them the alliance uploaded. */
  documentIds?: string[];
  ownDocumentIds?: Set<string>;
  /** The acceptance review's measures, panel and objections to its notice. */
  measures?: CallMeasures;
  panel?: PanelStatus;
  objections?: ObjectionTally;
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

/** The acceptance steps that read the expert panel's progress. */
const PANEL_GUARDS = new Set<string>(['PANEL_COMPLETE', 'ALL_SHEETS_SUBMITTED', 'PASS_ACCEPTANCE', 'FAIL_ACCEPTANCE', 'FINISH_ACCEPTANCE_REVIEW']);

/** A project (立项) as a kind of the application engine; its dossier is the task contract. */
@Injectable()
export class ProjectKind implements ProjectKindRuntime {
  readonly workflow = PROJECT_WORKFLOW;
  readonly entity = ProjectEntity;
  readonly noun = '项目';

  constructor(
    private readonly projects: ProjectsRepository,
    private readonly debarments: DebarmentsService,
    private readonly applications: ProgrammeApplicationsService,
    private readonly documents: DocumentsService,
    private readonly callMeasures: CallMeasuresService,
    private readonly progress: ReviewProgressService,
    private readonly objections: SupportObjectionsService,
    private readonly jobs: JobsRepository,
    private readonly panels: PanelsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The project as expert review reads it: the authority's row, its request's alliance and measures. */
  static reviewSubject(project: ProjectEntity): ReviewSubject {
    const contract = project.dossier;
    const members = [
      ...(contract?.participants ?? []).map((p) => p.organizationId),
      ...(contract?.responsibleUnit ? [contract.responsibleUnit.organizationId] : []),
    ];
    return {
      type: 'project',
      id: project.id,
      tenantId: project.tenantId,
      authorityTenantId: project.tenantId,
      allianceId: project.allianceId,
      recommendingTenantId: project.allianceTenantId,
      batchId: project.id,
      state: project.state,
      recommendedAt: project.createdAt,
      memberOrganizationIds: members,
      dossier: project.acceptance
        ? { alliance: project.acceptance.alliance, measures: project.acceptance.measures, title: project.title }
        : null,
    };
  }

  /** The measures version the acceptance applies (the award's), as the request kept it. */
  private async acceptanceMeasures(db: EntityManager, project: ProjectEntity): Promise<CallMeasures> {
    const named = project.acceptance?.measures;
    if (!named) throw new AppError('NOT_FOUND');
    return this.callMeasures.parametersFor(db, { measuresId: named.id, measuresTenantId: named.tenantId });
  }

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
      facts.decisionDocument =
        typeof details.decisionDocument === 'string' ? details.decisionDocument.trim() : '';
    }
    if (needs.has('ALLIANCE_DISSOLVED'))
      facts.dissolved = await this.projects.allianceDissolved(db, project.id);
    if (action === 'REQUEST_ACCEPTANCE') {
      facts.documentIds = listOfText(details.documentIds);
      const own = await this.documents.belongingTo(db, project.allianceId, facts.documentIds);
      facts.ownDocumentIds = new Set(own.map((d) => d.id));
    }
    if ([...PANEL_GUARDS].some((n) => needs.has(n)) && project.acceptance) {
      facts.measures = await this.acceptanceMeasures(db, project);
      facts.panel = await this.progress.panelStatus(
        db,
        { id: project.id, authorityTenantId: project.tenantId },
        facts.measures.parameters,
      );
    }
    if (needs.has('OBJECTIONS_ANSWERED') || needs.has('NO_OBJECTION_SUSTAINED'))
      facts.objections = await this.objections.tallyForDecision(db, {
        type: 'project',
        id: project.id,
        authorityTenantId: project.tenantId,
      });
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
        // The final report is the text the request is made with, and the documents it names.
        return acceptanceRequestViolations(
          { finalReport: f.text, documentIds: f.documentIds ?? [] },
          f.ownDocumentIds ?? new Set(),
        );
      case 'PANEL_COMPLETE':
        return f.panel && panelComplete(f.panel)
          ? []
          : fail(`验收专家组尚未配齐（需 ${f.panel?.size ?? 0} 人，已选 ${f.panel?.seated ?? 0} 人）`);
      case 'ALL_SHEETS_SUBMITTED':
        return f.panel && allSheetsIn(f.panel)
          ? []
          : fail(
              `尚有专家未提交验收意见（已提交 ${f.panel?.submitted ?? 0}/${Math.max(f.panel?.seated ?? 0, f.panel?.size ?? 0)}）`,
            );
      case 'NOTICE_ASKED':
      case 'NO_NOTICE_ASKED':
        return f.programme && projectRouteHolds(guard, f.programme) ? [] : fail();
      case 'NOTICE_PERIOD_OVER':
        return noticePeriodOver(f.today, f.project.noticeEndsOn)
          ? []
          : fail(`验收公示期至 ${f.project.noticeEndsOn ?? '—'} 结束，期满后方可作出验收结论`);
      case 'OBJECTIONS_ANSWERED':
        return f.objections?.open ? fail(`尚有 ${f.objections.open} 条公示异议未答复`) : [];
      case 'NO_OBJECTION_SUSTAINED':
        return f.objections?.sustained
          ? fail(`有 ${f.objections.sustained} 条验收公示异议经核实成立，不能通过验收`)
          : [];
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

  /** The request as made, with what review reads of the award (its alliance and measures). */
  private async acceptanceRequest(f: ProjectFacts): Promise<Effects<ProjectEntity>> {
    const alliance = await this.projects.allianceOf(f.db, f.project.allianceId);
    const award = f.programme
      ? null
      : await this.applications.get(f.db, f.project.applicationId).catch(() => null);
    const named = award?.dossier?.measures;
    const measures = f.programme
      ? { id: f.programme.measuresId, tenantId: f.programme.measuresTenantId, versionNo: f.programme.measuresVersionNo }
      : named?.id && named.tenantId
        ? { id: named.id, tenantId: named.tenantId, versionNo: named.versionNo ?? 0 }
        : null;
    const acceptance: ProjectAcceptance = {
      requestedOn: f.today,
      finalReport: f.text,
      documentIds: f.documentIds ?? [],
      alliance: {
        id: f.project.allianceId,
        name: alliance?.name ?? award?.dossier?.alliance.name ?? '',
        industryCode: alliance?.industryCode ?? null,
      },
      measures,
      reviewStartedOn: null,
      reviewedOn: null,
      review: null,
    };
    return { acceptance, lastReason: null, noticeStartsOn: null, noticeEndsOn: null };
  }

  /** The panel's aggregate for the project, by the rule of the award's measures. */
  private async review(f: ProjectFacts): Promise<{ total: number; passes: boolean } | null> {
    const aggregate = await this.progress.aggregate(f.db, ProjectKind.reviewSubject(f.project), f.measures);
    return aggregate ? { total: aggregate.total, passes: aggregate.passes } : null;
  }

  private async reviewBasis(f: ProjectFacts): Promise<Partial<ProjectDecisionBasis>> {
    const review = f.project.acceptance?.review ?? (await this.review(f));
    return { reviewTotal: review?.total ?? null, passes: review?.passes ?? null };
  }

  /** The acceptance notice (验收公示) of the programme's days from today, China calendar. */
  private async acceptanceNotice(f: ProjectFacts): Promise<Effects<ProjectEntity>> {
    const notice = publicNoticePeriod(f.today, f.programme?.acceptanceNoticeDays ?? 0);
    await this.jobs.schedule(
      f.db,
      noticeEndJob(f.project.tenantId, notice.endsOn, {
        subjectType: 'project',
        subjectId: f.project.id,
        title: f.project.title,
        link: `/projects/${f.project.id}`,
      }),
    );
    return { noticeStartsOn: notice.startsOn, noticeEndsOn: notice.endsOn };
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
    REQUEST_ACCEPTANCE: (f) => this.acceptanceRequest(f),
    RETURN_ACCEPTANCE: this.reason,
    START_ACCEPTANCE_REVIEW: (f) => ({ acceptance: { ...f.project.acceptance!, reviewStartedOn: f.today } }),
    FINISH_ACCEPTANCE_REVIEW: async (f) => ({
      acceptance: { ...f.project.acceptance!, reviewedOn: f.today, review: await this.review(f) },
    }),
    PUBLICISE_ACCEPTANCE: (f) => this.acceptanceNotice(f),
    PASS_ACCEPTANCE: async (f) => this.decision(f, await this.reviewBasis(f)),
    FAIL_ACCEPTANCE: async (f) => this.decision(f, await this.reviewBasis(f)),
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
    failed: ProjectGuard[],
    f: ProjectFacts | undefined,
  ): AppError {
    if (!f) return projectRefused(violations, violations[0]?.message);
    const label = PROJECT_WORKFLOW.actions[action].label;
    const message = `不能「${label}」：${violations.map((v) => v.message).join('；')}`;
    // The notice's own refusals keep their codes, as for a programme award.
    const code = failed.includes('NOTICE_PERIOD_OVER')
      ? 'SUPPORT_NOTICE_RUNNING'
      : failed.includes('OBJECTIONS_ANSWERED')
        ? 'SUPPORT_OBJECTION_OPEN'
        : failed.includes('NO_OBJECTION_SUSTAINED')
          ? 'SUPPORT_OBJECTION_SUSTAINED'
          : null;
    return code ? new AppError(code, { violations }, message) : projectRefused(violations, message);
  }

  changed(): AppError {
    return projectChanged();
  }

  auditAfter(action: ProjectAction, text: string): Record<string, unknown> {
    return text ? { reason: text } : {};
  }

  /**
   * What a step leaves besides the project's row, in its transaction: a returned acceptance request
   * frees its panel's seats; a revocation writes its recovery to the ledger (the project is REVOKED
   * by now, which the ledger accepts) and its debarments to the register (Art. 20(2)).
   */
  async afterStep(
    db: EntityManager,
    row: ProjectEntity,
    action: ProjectAction,
    f: ProjectFacts,
    effects: Effects<ProjectEntity>,
  ): Promise<void> {
    if (action === 'RETURN_ACCEPTANCE') {
      await this.panels.release(db, f.viewer, row.id, `验收申请已退回：${f.text}`.slice(0, 500));
      return;
    }
    if (action !== 'REVOKE') return;
    const recoveryFen = effects.decisionBasis?.recoveryFen;
    if (recoveryFen && BigInt(recoveryFen) > 0n) {
      const documentNumber = (f.decisionDocument || `撤销决定 ${f.today}`).slice(0, LEDGER_DOCUMENT_MAX);
      const entryId = await this.projects.insertEntry(db, {
        tenantId: row.tenantId,
        projectId: row.id,
        kind: 'RECOVERY',
        amountFen: recoveryFen,
        entryOn: f.today,
        documentNumber,
        note: `撤销项目追回：${f.text}`.slice(0, LEDGER_NOTE_MAX),
        recordedBy: f.viewer.userId,
      });
      await this.audit.record(db, {
        action: 'project.recover',
        subjectType: 'project',
        subjectId: row.id,
        after: { entryId, kind: 'RECOVERY', amountFen: recoveryFen, entryOn: f.today, documentNumber },
      });
    }
    for (const d of f.debar ?? []) {
      await this.debarments.record(db, f.viewer, {
        organizationId: d.organizationId,
        reason: d.reason,
        decisionDocument: d.decisionDocument,
        fromDate: f.today,
        evidence: `撤销项目「${row.title}」（${row.id}）`,
      });
    }
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

function listOfText(value: unknown): string[] {
  return Array.isArray(value) ? value.flatMap((v) => (typeof v === 'string' ? [v.trim()] : [])) : [];
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
