import { Injectable } from '@nestjs/common';
import {
  allSheetsIn,
  applicationFormGaps,
  awardAmountViolations,
  BUDGET_SOURCES,
  type BudgetSource,
  callIsOpen,
  callWindow,
  chinaDate,
  type Debarment,
  type FieldViolation,
  isFen,
  noticePeriodOver,
  type ObjectionTally,
  type PanelStatus,
  panelComplete,
  type PlatformKind,
  platformLevelOfAuthority,
  platformRecordViolations,
  type PriorInvestment,
  PROGRAMME_KINDS,
  PROGRAMME_APPLICATION_WORKFLOW,
  type ProgrammeActor,
  programmeActorsOf,
  type ProgrammeApplicationAction,
  type ProgrammeApplicationDossier,
  type ProgrammeApplicationForm,
  type ProgrammeApplicationState,
  programmeBudgetLeftFen,
  programmeDecisionLetter,
  type ProgrammeDecisionBasis,
  type ProgrammeDocumentKind,
  programmeEligibilityViolations,
  type ProgrammeGuard,
  programmeRouteHolds,
  publicNoticePeriod,
  supportCeilingFen,
  type TaskContract,
  taskContractViolations,
  type TenantLevel,
  verifiedInvestmentFen,
} from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppError, badInput, violation } from '../../common/errors/app-error';
import type { Viewer } from '../../common/request/request-context';
import type { Effects, KindRuntime } from '../applications/application-engine';
import { DecisionPdfsService } from '../decision-pdfs/decision-pdfs.service';
import { type CallMeasures, CallMeasuresService } from '../calls/call-measures.service';
import type { PilotCallEntity } from '../calls/pilot-call.entity';
import { PanelsService } from '../reviews/panels.service';
import { ReviewProgressService } from '../reviews/review-progress.service';
import type { ReviewSubject } from '../reviews/review-subject';
import { JobsRepository } from '../jobs/jobs.repository';
import { NationalPilotsService } from '../national-pilots/national-pilots.service';
import { DebarmentsService } from './debarments.service';
import { SupportObjectionsService } from './support-objections.service';
import { noticeEndJob } from './support-notice-ends';
import type { TaskContractInput } from './dto/programme-application.input';
import { ProgrammeApplicationEntity } from './programme-application.entity';
import type { ProgrammeEntity } from './programme.entity';
import {
  ProgrammeApplicationsRepository,
  type RegisterFacts,
  toPriorInvestment,
} from './programme-applications.repository';
import { programmeApplicationChanged, ProgrammeApplicationsService } from './programme-applications.service';

const MAX_TEXT = 2000;

/** What the guards and effects of one action on one application read, each once. */
export type ProgrammeFacts = {
  db: EntityManager;
  viewer: Viewer;
  application: ProgrammeApplicationEntity;
  call: PilotCallEntity;
  programme: ProgrammeEntity;
  programmeLevel: TenantLevel;
  measures: CallMeasures;
  now: Date;
  today: string;
  text: string;
  /** The form checked: as saved at submission, as frozen at award. */
  form: ProgrammeApplicationForm;
  register?: RegisterFacts | null;
  /** On the national pilot list on `today` (a designation the province recorded is in force). */
  nationalPilot?: boolean;
  investments?: PriorInvestment[];
  debarments?: Debarment[];
  panel?: PanelStatus;
  panelPossible?: boolean;
  /** AWARD of a PLATFORM outcome kind: what the recognition states beyond the frozen form. */
  recognition?: { platformKind: PlatformKind; field: string; recognitionDocument: string };
  /** The notice's objections: unanswered, and sustained (read under the application's lock). */
  objections?: ObjectionTally;
  /** AWARD: the amount and the task contract, and what the programme's awards already hold (read under its lock). */
  awardFen?: string;
  contract?: TaskContract;
  awardedFen?: string;
};

type ProgrammeKindRuntime = KindRuntime<
  ProgrammeApplicationEntity,
  ProgrammeApplicationState,
  ProgrammeApplicationAction,
  ProgrammeActor,
  ProgrammeGuard,
  ProgrammeFacts
>;

const ELIGIBILITY_NEEDED = new Set<string>(['ELIGIBLE', 'SUBMIT', 'AWARD']);

/** Programme applications (Art. 14, 18–20) as a kind of the application engine. */
@Injectable()
export class ProgrammeApplicationKind implements ProgrammeKindRuntime {
  readonly workflow = PROGRAMME_APPLICATION_WORKFLOW;
  readonly entity = ProgrammeApplicationEntity;
  readonly noun = '项目申报';

  constructor(
    private readonly applications: ProgrammeApplicationsService,
    private readonly repository: ProgrammeApplicationsRepository,
    private readonly debarments: DebarmentsService,
    private readonly callMeasures: CallMeasuresService,
    private readonly progress: ReviewProgressService,
    private readonly panels: PanelsService,
    private readonly objections: SupportObjectionsService,
    private readonly jobs: JobsRepository,
    private readonly clock: Clock,
    private readonly nationalPilots: NationalPilotsService,
    private readonly decisionPdfs: DecisionPdfsService,
  ) {}

  load(db: EntityManager, id: string): Promise<ProgrammeApplicationEntity> {
    return this.applications.get(db, id);
  }

  actorsOf(viewer: Viewer, application: ProgrammeApplicationEntity): ProgrammeActor[] {
    return programmeActorsOf(viewer, application);
  }

  /** The application as expert review reads it: sent up once recommended; its batch is its call. */
  static reviewSubject(application: ProgrammeApplicationEntity): ReviewSubject {
    return {
      type: 'programme_application',
      id: application.id,
      tenantId: application.tenantId,
      authorityTenantId: application.authorityTenantId,
      allianceId: application.allianceId,
      recommendingTenantId: application.recommendingTenantId,
      batchId: application.callId,
      state: application.state,
      recommendedAt: application.recommendedAt,
      memberOrganizationIds: application.memberOrganizationIds,
      dossier: application.dossier,
    };
  }

  async facts(
    db: EntityManager,
    viewer: Viewer,
    application: ProgrammeApplicationEntity,
    transition: { action: ProgrammeApplicationAction; guards: readonly ProgrammeGuard[] },
    text: string,
    details: Record<string, unknown>,
  ): Promise<ProgrammeFacts> {
    const call = await this.applications.call(db, application.callId);
    const programme = await this.applications.programmeOf(db, application);
    const measures = await this.callMeasures.parametersFor(db, call);
    const now = this.clock.now();
    const today = chinaDate(now);
    const form =
      transition.action === 'SUBMIT' || !application.dossier
        ? await this.applications.form(db, application)
        : application.dossier.form;
    const facts: ProgrammeFacts = {
      db,
      viewer,
      application,
      call,
      programme,
      programmeLevel:
        application.recommendingTenantId === application.authorityTenantId ? 'CITY' : 'PROVINCE',
      measures,
      now,
      today,
      text,
      form,
    };
    const needs = new Set<string>([...transition.guards, transition.action]);
    if (transition.action === 'AWARD' && recognises(programme))
      facts.recognition = recognitionDetails(details, form, facts.programmeLevel, today);
    else if (transition.action === 'AWARD') {
      const award = awardDetails(details, form, facts.programmeLevel);
      facts.awardFen = award.awardFen;
      facts.contract = award.contract;
    }
    if ([...ELIGIBILITY_NEEDED].some((n) => needs.has(n))) {
      facts.register = await this.repository.register(db, application.id, today);
      facts.nationalPilot = facts.register
        ? await this.nationalPilots.inForceOn(db, facts.register.alliance, today)
        : false;
      // The investments declared to the authority running the programme; only verified ones count.
      facts.investments = (
        await this.repository.investments(db, {
          allianceId: application.allianceId,
          authorityTenantId: application.authorityTenantId,
        })
      ).map(toPriorInvestment);
      const parties = [
        ...form.participants.map((p) => p.organizationId),
        ...(form.responsibleUnit ? [form.responsibleUnit.organizationId] : []),
      ];
      facts.debarments = parties.length ? await this.debarments.active(db, [...new Set(parties)], today) : [];
    }
    if (needs.has('PANEL_COMPLETE') || needs.has('ALL_SHEETS_SUBMITTED'))
      facts.panel = await this.progress.panelStatus(db, application, measures.parameters);
    if (needs.has('NO_VALID_PANEL'))
      facts.panelPossible = (
        await this.panels.canForm(db, viewer, ProgrammeApplicationKind.reviewSubject(application))
      ).possible;
    if (needs.has('OBJECTIONS_ANSWERED') || needs.has('NO_OBJECTION_SUSTAINED'))
      facts.objections = await this.objections.tallyForDecision(db, {
        type: 'programme_application',
        id: application.id,
        authorityTenantId: application.authorityTenantId,
      });
    // Concurrent awards of one programme queue on its lock here; the engine's write follows in
    // the same transaction, so no two of them read the same sum.
    if (needs.has('WITHIN_PROGRAMME_BUDGET'))
      facts.awardedFen = await this.repository.lockedAwardedFen(
        db,
        application.authorityTenantId,
        programme.id,
      );
    return facts;
  }

  check(guard: ProgrammeGuard, f: ProgrammeFacts): FieldViolation[] {
    const fail = (message: string = PROGRAMME_APPLICATION_WORKFLOW.guards[guard].label) => [
      violation(`guard.${guard}`, guard, message),
    ];
    switch (guard) {
      case 'CALL_OPEN':
        return callIsOpen(f.call, f.now) ? [] : fail(`不在申报时间内：申报时间为 ${callWindow(f.call)}`);
      case 'ELIGIBLE':
        return this.eligibility(f);
      case 'DOSSIER_COMPLETE':
        return applicationFormGaps(f.programme.kind, f.form, {
          notice: `申报通知「${f.call.title}」`,
          requiredDocuments: f.call.requiredDocuments as unknown as ProgrammeDocumentKind[],
        });
      case 'REASON_GIVEN':
      case 'OPINION_GIVEN':
        if (!f.text) return fail();
        return f.text.length > MAX_TEXT
          ? fail(`${guard === 'OPINION_GIVEN' ? '推荐意见' : '理由'}不能超过 ${MAX_TEXT} 个字`)
          : [];
      case 'RECOMMENDER_IS_NOT_SUBMITTER':
        return f.application.submittedBy === f.viewer.userId ? fail() : [];
      case 'PANEL_COMPLETE':
        return f.panel && panelComplete(f.panel)
          ? []
          : fail(`评审专家组尚未配齐（需 ${f.panel?.size ?? 0} 人，已选 ${f.panel?.seated ?? 0} 人）`);
      case 'ALL_SHEETS_SUBMITTED':
        return f.panel && allSheetsIn(f.panel)
          ? []
          : fail(
              `尚有专家未提交评分表（已提交 ${f.panel?.submitted ?? 0}/${Math.max(f.panel?.seated ?? 0, f.panel?.size ?? 0)}）`,
            );
      case 'NO_VALID_PANEL':
        return f.panelPossible === false ? [] : fail();
      case 'NOTICE_ASKED':
      case 'NO_NOTICE_ASKED':
        return programmeRouteHolds(guard, f.programme) ? [] : fail();
      case 'NOTICE_PERIOD_OVER':
        return noticePeriodOver(f.today, f.application.noticeEndsOn)
          ? []
          : fail(`公示期至 ${f.application.noticeEndsOn ?? '—'} 结束，期满后方可作出决定`);
      case 'OBJECTIONS_ANSWERED':
        return f.objections?.open ? fail(`尚有 ${f.objections.open} 条公示异议未答复`) : [];
      case 'NO_OBJECTION_SUSTAINED':
        return f.objections?.sustained
          ? fail(`有 ${f.objections.sustained} 条公示异议经核实成立，不能立项，只能不予立项`)
          : [];
      // A recognition awards no money: the amount and budget guards have nothing to hold.
      case 'AWARD_AMOUNT_SET':
        if (recognises(f.programme)) return [];
        return awardAmountViolations(
          f.awardFen ?? '',
          f.application.requestedSupportFen,
          f.programme.totalBudgetFen,
        ).filter((v) => v.rule !== 'WITHIN_PROGRAMME_BUDGET');
      case 'WITHIN_PROGRAMME_BUDGET': {
        if (recognises(f.programme) || !f.awardFen || !isFen(f.awardFen)) return [];
        const left = programmeBudgetLeftFen(f.programme.totalBudgetFen, [f.awardedFen ?? '0']);
        return awardAmountViolations(f.awardFen, f.awardFen, left).filter(
          (v) => v.rule === 'WITHIN_PROGRAMME_BUDGET',
        );
      }
    }
  }

  /** Art. 14, 18, 20(2) and the debarment register, on the day, for the support asked or awarded. */
  private eligibility(f: ProgrammeFacts): FieldViolation[] {
    const register = f.register;
    if (!register) return [violation('allianceId', 'NOT_FOUND', '找不到申报的联盟')];
    return programmeEligibilityViolations(
      {
        asOf: f.today,
        stage: f.application.state === 'DRAFT' || f.application.state === 'RETURNED' ? 'SUBMISSION' : 'AWARD',
        programme: {
          tenantId: f.programme.tenantId,
          level: f.programmeLevel,
          kind: f.programme.kind,
          perProjectCapFen: f.programme.perProjectCapFen,
        },
        alliance: {
          tenantId: register.alliance.tenantId,
          status: register.alliance.status,
          pilotStatus: register.alliance.pilotStatus,
          nationalPilot: f.nationalPilot === true,
        },
        memberOrganizationIds: register.memberOrganizationIds,
        chairUnit: register.chairUnit,
        application: f.form,
        supportFen:
          f.application.state === 'DRAFT' || f.application.state === 'RETURNED'
            ? f.form.requestedSupportFen
            : (f.awardFen ?? '0'),
        agreement: register.agreement,
        priorInvestments: f.investments ?? [],
        debarments: f.debarments ?? [],
      },
      f.measures.parameters,
    );
  }

  readonly effects: Record<
    ProgrammeApplicationAction,
    (f: ProgrammeFacts) => Effects<ProgrammeApplicationEntity> | Promise<Effects<ProgrammeApplicationEntity>>
  > = {
    SUBMIT: (f) => this.submission(f),
    RECOMMEND: (f) => ({
      recommendedAt: f.now,
      recommendedBy: f.viewer.userId,
      recommendationOpinion: f.text,
    }),
    NOT_RECOMMEND: (f) => ({ lastReason: f.text }),
    RETURN: (f) => ({ lastReason: f.text }),
    ACCEPT: (f) => ({ acceptedAt: f.now }),
    REFUSE: (f) => ({ lastReason: f.text }),
    START_REVIEW: (f) => ({ reviewStartedAt: f.now }),
    FINISH_REVIEW: (f) => ({ reviewedAt: f.now }),
    PUBLICISE: (f) => this.notice(f),
    AWARD: (f) => this.award(f),
    DECLINE: (f) => this.decision(f, null),
    WITHDRAW: (f) => ({ lastReason: f.text }),
  };

  refusal(
    action: ProgrammeApplicationAction,
    violations: FieldViolation[],
    failed: ProgrammeGuard[],
    f: ProgrammeFacts | undefined,
  ): AppError {
    const label = PROGRAMME_APPLICATION_WORKFLOW.actions[action].label;
    const message = `不能「${label}」：${violations.map((v) => v.message).join('；')}`;
    if (!f) return new AppError('PROGRAMME_APPLICATION_REFUSED', { violations }, violations[0]?.message);
    // Outside the window nothing else matters yet: the refusal names the window alone.
    if (failed.includes('CALL_OPEN')) {
      const own = violations.filter((v) => v.field === 'guard.CALL_OPEN');
      return new AppError('PROGRAMME_CALL_CLOSED', { violations: own }, own[0]?.message);
    }
    if (failed.includes('ELIGIBLE')) return new AppError('PROGRAMME_NOT_ELIGIBLE', { violations }, message);
    if (failed.includes('NOTICE_PERIOD_OVER'))
      return new AppError('SUPPORT_NOTICE_RUNNING', { violations }, message);
    if (failed.includes('OBJECTIONS_ANSWERED'))
      return new AppError('SUPPORT_OBJECTION_OPEN', { violations }, message);
    if (failed.includes('NO_OBJECTION_SUSTAINED'))
      return new AppError('SUPPORT_OBJECTION_SUSTAINED', { violations }, message);
    if (failed.includes('WITHIN_PROGRAMME_BUDGET'))
      return new AppError('PROGRAMME_BUDGET_EXCEEDED', { violations }, message);
    return new AppError('PROGRAMME_APPLICATION_REFUSED', { violations }, message);
  }

  changed(): AppError {
    return programmeApplicationChanged();
  }

  auditAfter(action: ProgrammeApplicationAction, text: string): Record<string, unknown> {
    if (!text) return {};
    return action === 'RECOMMEND' ? { opinion: text } : { reason: text };
  }

  /** An award or decline is kept as PDF too: its letter is rendered once the decision commits. */
  async afterStep(
    db: EntityManager,
    row: ProgrammeApplicationEntity,
    action: ProgrammeApplicationAction,
    f: ProgrammeFacts,
    effects: Effects<ProgrammeApplicationEntity>,
  ): Promise<void> {
    if (action !== 'AWARD' && action !== 'DECLINE') return;
    const names = await this.decisionPdfs.bureauNames(db, [row.authorityTenantId, row.tenantId]);
    const letter = programmeDecisionLetter({
      awarded: action === 'AWARD',
      authorityName: names.get(row.authorityTenantId) ?? '',
      applicantBureauName: names.get(row.tenantId) ?? '',
      programmeName: f.programme.name,
      callTitle: f.call.title,
      allianceName: row.dossier?.alliance.name ?? '',
      title: f.form.title,
      awardFen: effects.awardFen ?? null,
      recognition: recognises(f.programme),
      reason: f.text || null,
      decidedOn: f.today,
    });
    await this.decisionPdfs.request(db, {
      tenantId: row.authorityTenantId,
      subjectType: 'programme_application',
      subjectId: row.id,
      fileName: `${letter.title}.pdf`.slice(0, 255),
      letter,
    });
  }

  /** The award notice (公示) of the programme's days from today, China calendar; its end is announced. */
  private async notice(f: ProgrammeFacts): Promise<Effects<ProgrammeApplicationEntity>> {
    const notice = publicNoticePeriod(f.today, f.programme.awardNoticeDays);
    await this.jobs.schedule(
      f.db,
      noticeEndJob(f.application.authorityTenantId, notice.endsOn, {
        subjectType: 'programme_application',
        subjectId: f.application.id,
        title: f.application.dossier?.form.title ?? f.application.dossier?.alliance.name ?? '项目申报',
        link: `/programmes/applications/${f.application.id}`,
      }),
    );
    return { noticeStartsOn: notice.startsOn, noticeEndsOn: notice.endsOn };
  }

  /** Freezes what was submitted: programme, call, alliance, measures, form, agreement, investments. */
  private submission(f: ProgrammeFacts): Effects<ProgrammeApplicationEntity> {
    const register = f.register!;
    const dossier: ProgrammeApplicationDossier & { alliance: { industryCode: string } } = {
      asOf: f.today,
      programme: {
        id: f.programme.id,
        tenantId: f.programme.tenantId,
        kind: f.programme.kind,
        name: f.programme.name,
        year: f.programme.year,
        perProjectCapFen: f.programme.perProjectCapFen,
        // Its experts score on the programme's weights (the measures' unless it set its own).
        criteria: f.programme.criteria.map((c) => ({ key: c.key, weight: c.weight })),
      },
      call: {
        id: f.call.id,
        notice: f.call.title,
        requiredDocuments: f.call.requiredDocuments as unknown as ProgrammeDocumentKind[],
      },
      alliance: {
        id: register.alliance.id,
        tenantId: register.alliance.tenantId,
        name: register.alliance.name,
        pilotStatus: register.alliance.pilotStatus,
        nationalPilot: f.nationalPilot === true,
        // Read by expert review to seat experts of the alliance's industry.
        industryCode: register.alliance.industryCode,
      },
      measures: {
        id: f.measures.measuresId,
        tenantId: f.call.measuresTenantId,
        versionNo: f.measures.versionNo,
      },
      form: f.form,
      agreement: register.agreement,
      priorInvestments: f.investments ?? [],
    };
    const members = new Set([
      ...register.memberOrganizationIds,
      ...f.form.participants.map((p) => p.organizationId),
    ]);
    return {
      dossier,
      memberOrganizationIds: [...members],
      submittedAt: f.now,
      submittedBy: f.viewer.userId,
      lastReason: null,
    };
  }

  private async decision(
    f: ProgrammeFacts,
    award: { awardFen: string } | null,
  ): Promise<Effects<ProgrammeApplicationEntity>> {
    const aggregate = await this.progress.aggregate(
      f.db,
      ProgrammeApplicationKind.reviewSubject(f.application),
      f.measures,
    );
    const ratio = f.measures.parameters.support.matchRatio;
    const verified = verifiedInvestmentFen(f.investments ?? f.application.dossier?.priorInvestments ?? []);
    const basis: ProgrammeDecisionBasis = {
      reason: f.text || null,
      awardFen: award?.awardFen ?? null,
      verifiedInvestmentFen: verified,
      matchRatio: { numerator: ratio.numerator, denominator: ratio.denominator },
      supportCeilingFen: supportCeilingFen(verified, ratio),
      reviewTotal: aggregate?.total ?? null,
      passes: aggregate?.passes ?? null,
    };
    return { decidedAt: f.now, decidedBy: f.viewer.userId, decisionReason: f.text, decisionBasis: basis };
  }

  private async award(f: ProgrammeFacts): Promise<Effects<ProgrammeApplicationEntity>> {
    if (f.recognition) return this.recognition(f, f.recognition);
    const awardFen = BigInt(f.awardFen!).toString();
    const contract = f.contract!;
    await this.applications.openProject(f.db, { application: f.application, awardFen, contract });
    return {
      ...(await this.decision(f, { awardFen })),
      awardFen,
      taskContract: contract as unknown as Record<string, unknown>,
    };
  }

  /** 认定: the platform enters the register under the authority; the application records which. */
  private async recognition(
    f: ProgrammeFacts,
    r: NonNullable<ProgrammeFacts['recognition']>,
  ): Promise<Effects<ProgrammeApplicationEntity>> {
    const host = f.form.responsibleUnit!.organizationId;
    const platform = await this.applications.recognisePlatform(f.db, {
      tenantId: f.application.authorityTenantId,
      applicationId: f.application.id,
      allianceId: f.application.allianceId,
      allianceName: f.application.dossier?.alliance.name ?? '',
      allianceMemberIds: f.application.memberOrganizationIds,
      allianceTenantId: f.application.tenantId,
      kind: r.platformKind,
      level: platformLevelOfAuthority(f.programmeLevel),
      name: f.form.title.trim(),
      hostOrganizationId: host,
      coBuilderOrganizationIds: f.form.participants.map((p) => p.organizationId).filter((id) => id !== host),
      field: r.field,
      recognitionDocument: r.recognitionDocument,
      recognisedOn: f.today,
      director: f.form.responsiblePerson.trim(),
      recordedBy: f.viewer.userId,
    });
    return { ...(await this.decision(f, null)), recognisedPlatformId: platform.id };
  }
}

/** Whether the programme's decision recognises a platform (Art. 15) rather than awarding money. */
function recognises(programme: ProgrammeEntity): boolean {
  return PROGRAMME_KINDS[programme.kind].outcome === 'PLATFORM';
}

/**
 * The recognition dialog's platform kind, field and document, checked with the frozen form's
 * name, host unit and director (the register's rules); the members are checked on entry.
 */
function recognitionDetails(
  details: Record<string, unknown>,
  form: ProgrammeApplicationForm,
  level: TenantLevel,
  today: string,
): NonNullable<ProgrammeFacts['recognition']> {
  const input = details.recognition as
    { platformKind: string; field: string; recognitionDocument: string } | null | undefined;
  if (!input)
    throw badInput([violation('recognition', 'REQUIRED', '认定须写明平台类别、所属领域和认定文件文号')]);
  const host = form.responsibleUnit?.organizationId ?? '';
  const coBuilders = form.participants.map((p) => p.organizationId).filter((id) => id !== host);
  const violations = platformRecordViolations(
    {
      kind: input.platformKind,
      level: platformLevelOfAuthority(level),
      name: form.title,
      hostOrganizationId: host,
      coBuilderOrganizationIds: coBuilders,
      allianceMemberIds: [host, ...coBuilders],
      field: input.field,
      recognitionDocument: input.recognitionDocument,
      recognisedOn: today,
      director: form.responsiblePerson,
    },
    level,
    today,
  ).map((v) => ({
    ...v,
    field: ['kind', 'field', 'recognitionDocument'].includes(v.field)
      ? `recognition.${v.field === 'kind' ? 'platformKind' : v.field}`
      : v.field,
  }));
  if (violations.length) throw badInput(violations);
  return {
    platformKind: input.platformKind as PlatformKind,
    field: input.field.trim(),
    recognitionDocument: input.recognitionDocument.trim(),
  };
}

/**
 * The award dialog's amount and task contract, read and checked before any guard: the contract's
 * own parts come from the dialog, the unit, participants and IP terms from the frozen form.
 */
function awardDetails(
  details: Record<string, unknown>,
  form: ProgrammeApplicationForm,
  level: TenantLevel,
): { awardFen: string; contract: TaskContract } {
  const awardFen = typeof details.awardFen === 'string' ? details.awardFen.trim() : '';
  const input = details.taskContract as TaskContractInput | null | undefined;
  if (!input)
    throw badInput([
      violation('taskContract', 'REQUIRED', '立项须填写任务书（目标、考核指标、进度节点和经费来源）'),
    ]);
  const contract: TaskContract = {
    title: form.title,
    startOn: form.startOn,
    endOn: form.endOn,
    targets: input.targets,
    indicators: input.indicators.map((i) => ({ name: i.name, target: i.target })),
    milestones: input.milestones.map((m) => ({ title: m.title, dueOn: m.dueOn })),
    responsibleUnit: form.responsibleUnit,
    responsiblePerson: form.responsiblePerson,
    participants: form.participants,
    ipTerms: form.ipTerms,
    budget: {
      totalFen: input.budgetTotalFen.trim(),
      lines: input.budgetLines.map((l) => ({
        source: l.source as BudgetSource,
        amountFen: l.amountFen.trim(),
        purpose: l.purpose,
      })),
    },
  };
  const unknownSource = input.budgetLines.flatMap((l, i) =>
    BUDGET_SOURCES.includes(l.source as BudgetSource)
      ? []
      : [
          violation(
            `taskContract.budget.lines.${i}.source`,
            'ONE_OF',
            '经费来源应为省级财政支持、市州配套或自筹',
          ),
        ],
  );
  const contractViolations = isFen(awardFen)
    ? taskContractViolations(contract, {
        awardFen,
        authorityLevel: level,
        responsibleUnit: form.responsibleUnit,
      }).map((v) => ({ ...v, field: `taskContract.${v.field}` }))
    : [];
  const violations = [...unknownSource, ...contractViolations];
  if (violations.length) throw badInput(violations);
  return { awardFen, contract };
}
