import { Injectable } from '@nestjs/common';
import {
  allSheetsIn,
  callIsOpen,
  callWindow,
  chinaDate,
  type DocumentKind,
  dossierGaps,
  type FieldViolation,
  failingConditionsRootFirst,
  FOUNDING_CONDITION_INFO,
  type FoundingCheck,
  noticePeriodOver,
  type PanelStatus,
  panelComplete,
  PILOT_NOTICES,
  PILOT_WORKFLOW,
  pilotDecisionBasis,
  pilotDecisionLetter,
  pilotNoticeText,
  type PilotAction,
  type PilotActor,
  pilotActorsOf,
  type PilotGuard,
  type PilotState,
  publicNoticePeriod,
  STAFF_ROLES,
} from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { actOn } from '../../common/access/access';
import { Clock } from '../../common/clock';
import { type AppError, violation } from '../../common/errors/app-error';
import type { Viewer } from '../../common/request/request-context';
import type { Effects, KindRuntime } from '../applications/application-engine';
import { DecisionPdfsService } from '../decision-pdfs/decision-pdfs.service';
import type { Posting } from '../messages/messages.repository';
import { type CallMeasures, CallMeasuresService } from '../calls/call-measures.service';
import { CallsService } from '../calls/calls.service';
import type { PilotCallEntity } from '../calls/pilot-call.entity';
import { IndustriesRepository } from '../industries/industries.repository';
import { PanelsService } from '../reviews/panels.service';
import { ReviewProgressService } from '../reviews/review-progress.service';
import { PilotApplicationEntity } from './pilot-application.entity';
import { PilotApplicationsRepository } from './pilot-applications.repository';
import { PilotApplicationsService } from './pilot-applications.service';
import { type AllianceFacts, buildDossier, dossierMemberIds, foundingCheckUnder } from './pilot-dossier';
import { PilotObjectionsService } from './pilot-objections.service';
import { applicationChanged, callClosed, refused } from './pilots.errors';

const MAX_TEXT = 2000;

/** What the guards and effects of one action on one application read, each once. */
export type PilotFacts = {
  db: EntityManager;
  viewer: Viewer;
  application: PilotApplicationEntity;
  call: PilotCallEntity;
  measures: CallMeasures;
  now: Date;
  today: string;
  /** The reason or opinion the action is taken with. */
  text: string;
  alliance?: AllianceFacts | null;
  foundingCheck?: FoundingCheck;
  documentKinds?: DocumentKind[];
  panel?: PanelStatus;
  openObjections?: number;
  /** Whether the pool can seat a valid panel (for returning or declining an accepted application). */
  panelPossible?: boolean;
};

type PilotKind = KindRuntime<
  PilotApplicationEntity,
  PilotState,
  PilotAction,
  PilotActor,
  PilotGuard,
  PilotFacts
>;

/** Pilot applications (Art. 10–13) as a kind of the application engine. */
@Injectable()
export class PilotApplicationKind implements PilotKind {
  readonly workflow = PILOT_WORKFLOW;
  readonly entity = PilotApplicationEntity;
  readonly noun = '申报';

  constructor(
    private readonly applications: PilotApplicationsService,
    private readonly repository: PilotApplicationsRepository,
    private readonly objections: PilotObjectionsService,
    private readonly calls: CallsService,
    private readonly callMeasures: CallMeasuresService,
    private readonly progress: ReviewProgressService,
    private readonly panels: PanelsService,
    private readonly clock: Clock,
    private readonly decisionPdfs: DecisionPdfsService,
    private readonly industries: IndustriesRepository,
  ) {}

  load(db: EntityManager, id: string): Promise<PilotApplicationEntity> {
    return this.applications.get(db, id);
  }

  /** Whether the guard PANEL_COMPLETE holds now, so the apps offer 开始专家评审 only with a full panel. */
  async panelIsComplete(db: EntityManager, application: PilotApplicationEntity): Promise<boolean> {
    const call = await this.calls.get(db, application.callId);
    const measures = await this.callMeasures.parametersFor(db, call);
    return panelComplete(await this.progress.panelStatus(db, application, measures.parameters));
  }

  actorsOf(viewer: Viewer, application: PilotApplicationEntity): PilotActor[] {
    return pilotActorsOf(viewer, application);
  }

  async facts(
    db: EntityManager,
    viewer: Viewer,
    application: PilotApplicationEntity,
    transition: { action: PilotAction; guards: readonly PilotGuard[] },
    text: string,
  ): Promise<PilotFacts> {
    const call = await this.calls.get(db, application.callId);
    const measures = await this.callMeasures.parametersFor(db, call);
    const now = this.clock.now();
    const facts: PilotFacts = { db, viewer, application, call, measures, now, today: chinaDate(now), text };
    const needs = new Set<string>([...transition.guards, transition.action]);
    if (needs.has('FOUNDING_CONDITIONS_HOLD') || needs.has('SUBMIT')) {
      facts.alliance = await this.repository.allianceFacts(db, application.allianceId);
      if (facts.alliance)
        facts.foundingCheck = foundingCheckUnder(facts.alliance, measures.parameters, facts.today);
    }
    if (needs.has('DOSSIER_COMPLETE')) {
      facts.documentKinds = await this.repository.attachedDocumentKinds(db, application);
    }
    if (needs.has('PANEL_COMPLETE') || needs.has('ALL_SHEETS_SUBMITTED')) {
      facts.panel = await this.progress.panelStatus(db, application, measures.parameters);
    }
    if (needs.has('NO_VALID_PANEL')) {
      const subject = { ...application, type: 'pilot_application' as const, batchId: application.callId };
      facts.panelPossible = (await this.panels.canForm(db, viewer, subject)).possible;
    }
    if (needs.has('OBJECTIONS_ANSWERED')) {
      facts.openObjections = await this.objections.openCount(db, application);
    }
    return facts;
  }

  check(guard: PilotGuard, f: PilotFacts): FieldViolation[] {
    const fail = (message = PILOT_WORKFLOW.guards[guard].label) => [
      violation(`guard.${guard}`, guard, message),
    ];
    switch (guard) {
      case 'FOUNDING_CONDITIONS_HOLD': {
        const alliance = f.alliance?.alliance;
        if (!alliance) return fail('找不到申报的联盟');
        if (alliance.status !== 'ESTABLISHED' || alliance.dissolvedOn)
          return fail('联盟未成立或已解散，不能申报试点');
        // Root cause first; a condition that fails only because of it points to it.
        return (f.foundingCheck ? failingConditionsRootFirst(f.foundingCheck) : []).map((c) => {
          const info = FOUNDING_CONDITION_INFO[c.condition];
          return violation(
            `foundingConditions.${c.condition}`,
            c.condition,
            `${info.article}（${info.title}）：${c.reasons.map((r) => r.message).join('；')}`,
          );
        });
      }
      case 'DOSSIER_COMPLETE':
        return dossierGaps(f.application, f.documentKinds ?? [], f.call.requiredDocuments);
      case 'CALL_OPEN':
        return callIsOpen(f.call, f.now) ? [] : fail(`不在申报时间内：申报时间为 ${callWindow(f.call)}`);
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
      case 'NOTICE_PERIOD_SET':
        return f.measures.parameters.review.publicNoticeDays > 0 ? [] : fail();
      case 'NOTICE_PERIOD_OVER':
        return noticePeriodOver(f.today, f.application.noticeEndsOn)
          ? []
          : fail(`公示期至 ${f.application.noticeEndsOn ?? '—'} 结束，尚未期满`);
      case 'NO_VALID_PANEL':
        return f.panelPossible === false ? [] : fail();
      case 'OBJECTIONS_ANSWERED':
        return (f.openObjections ?? 0) > 0 ? fail(`尚有 ${f.openObjections} 条公示异议未答复`) : [];
    }
  }

  readonly effects: Record<
    PilotAction,
    (f: PilotFacts) => Effects<PilotApplicationEntity> | Promise<Effects<PilotApplicationEntity>>
  > = {
    SUBMIT: (f) => this.submission(f),
    RECOMMEND: (f) => ({
      recommendedAt: f.now,
      recommendedBy: f.viewer.userId,
      recommendationOpinion: f.text,
    }),
    ACCEPT: (f) => ({ acceptedAt: f.now }),
    START_REVIEW: (f) => ({ reviewStartedAt: f.now }),
    CLOSE_REVIEW: (f) => ({ reviewedAt: f.now }),
    PUBLICISE: (f) => {
      const notice = publicNoticePeriod(f.today, f.measures.parameters.review.publicNoticeDays);
      return { noticeStartsOn: notice.startsOn, noticeEndsOn: notice.endsOn };
    },
    APPROVE: (f) => this.decision(f),
    DECLINE: (f) => this.decision(f),
    RETURN: (f) => ({ lastReason: f.text }),
    NOT_RECOMMEND: (f) => ({ lastReason: f.text }),
    REFUSE: (f) => ({ lastReason: f.text }),
    WITHDRAW: (f) => ({ lastReason: f.text }),
  };

  refusal(
    action: PilotAction,
    violations: FieldViolation[],
    failed: PilotGuard[],
    f: PilotFacts | undefined,
  ): AppError {
    const label = PILOT_WORKFLOW.actions[action].label;
    // Outside the window nothing else matters yet: the refusal names the window alone.
    if (f && failed.includes('CALL_OPEN'))
      return callClosed(
        f.call,
        violations.filter((v) => v.field === 'guard.CALL_OPEN'),
      );
    if (!f) return refused(violations, violations[0]?.message);
    return refused(violations, `不能「${label}」：${violations.map((v) => v.message).join('；')}`);
  }

  changed(): AppError {
    return applicationChanged();
  }

  auditAfter(action: PilotAction, text: string): Record<string, unknown> {
    if (!text) return {};
    return action === 'RECOMMEND' ? { opinion: text } : { reason: text };
  }

  /** A decision is kept as PDF too: its letter, in the words of the print view, is rendered once it commits. */
  async afterStep(
    db: EntityManager,
    row: PilotApplicationEntity,
    action: PilotAction,
    f: PilotFacts,
    effects: Effects<PilotApplicationEntity>,
  ): Promise<void> {
    if (action !== 'APPROVE' && action !== 'DECLINE') return;
    const names = await this.decisionPdfs.bureauNames(db, [row.authorityTenantId, row.tenantId]);
    const allianceName = row.dossier?.alliance.name ?? '';
    const letter = pilotDecisionLetter({
      approved: action === 'APPROVE',
      authorityName: names.get(row.authorityTenantId) ?? '',
      applicantBureauName: names.get(row.tenantId) ?? '',
      allianceName,
      level: row.level,
      callTitle: f.call.title,
      basis: effects.decisionBasis ?? null,
      noticeStartsOn: row.noticeStartsOn,
      noticeEndsOn: row.noticeEndsOn,
      reason: f.text || null,
      decidedOn: f.today,
    });
    await this.decisionPdfs.request(db, {
      tenantId: row.authorityTenantId,
      subjectType: 'pilot_application',
      subjectId: row.id,
      fileName: `${letter.title}.pdf`.slice(0, 255),
      letter,
    });
  }

  /** The applicant city hears of each decision on its application; the authority of a recommendation. */
  notices(row: PilotApplicationEntity, action: PilotAction, f: PilotFacts, text: string): Posting[] {
    const notice = PILOT_NOTICES[action];
    const words = pilotNoticeText(action, {
      allianceName: row.dossier?.alliance.name ?? f.alliance?.alliance.name ?? null,
      callTitle: f.call.title,
      text,
    });
    if (!notice || !words) return [];
    return [
      {
        to: {
          tenantId: notice.to === 'APPLICANT' ? row.tenantId : row.authorityTenantId,
          roles: STAFF_ROLES,
        },
        kind: notice.kind,
        ...words,
        link: `/pilots/applications/${row.id}`,
        subjectType: 'pilot_application',
        subjectId: row.id,
        dedupeKey: `pilot_application.${action.toLowerCase()}:${row.id}:${row.version}`,
      },
    ];
  }

  /** The dossier frozen as submitted, with the organizations it names. */
  private async submission(f: PilotFacts): Promise<Effects<PilotApplicationEntity>> {
    const facts = actOn(f.alliance);
    const memberOrganizationIds = dossierMemberIds(facts, f.today);
    const [organizations, industry] = await Promise.all([
      this.repository.organizationsByIds(f.db, memberOrganizationIds),
      this.industries.byCode(f.db, facts.alliance.industryCode),
    ]);
    const dossier = buildDossier({
      facts,
      check: actOn(f.foundingCheck),
      call: f.call,
      measures: f.measures,
      asOf: f.today,
      organizations,
      industryName: industry?.name ?? null,
    });
    return { dossier, memberOrganizationIds, submittedAt: f.now, submittedBy: f.viewer.userId };
  }

  private async decision(f: PilotFacts): Promise<Effects<PilotApplicationEntity>> {
    const aggregate = await this.progress.aggregateWith(f.db, f.call, f.measures, f.application.id);
    return {
      decidedAt: f.now,
      decidedBy: f.viewer.userId,
      decisionReason: f.text,
      decisionBasis: pilotDecisionBasis(aggregate, f.measures.parameters.review, f.measures),
    };
  }
}
