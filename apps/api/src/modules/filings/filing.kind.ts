import { Injectable } from '@nestjs/common';
import {
  addCalendarDays,
  allSheetsIn,
  canonicalJson,
  chinaDate,
  correctionDeadlinePassed,
  correctionDeadlineViolations,
  diffSnapshots,
  type FieldViolation,
  FILING_NOTICES,
  FILING_WORKFLOW,
  filingCertificate,
  type FilingAction,
  type FilingActor,
  filingActorsOf,
  filingDossierGaps,
  filingEligibilityViolations,
  type FilingGuard,
  filingNoticeText,
  type FilingSnapshot,
  type FilingState,
  filingValidThrough,
  formatFilingNumber,
  noticePeriodOver,
  panelComplete,
  type PanelStatus,
  publicNoticePeriod,
  quotaViolations,
  reminderAt,
  roundIsOpen,
  roundRouteHolds,
  roundWindow,
  STAFF_ROLES,
} from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { AppError, violation } from '../../common/errors/app-error';
import { Clock } from '../../common/clock';
import type { Viewer } from '../../common/request/request-context';
import type { Effects, KindRuntime } from '../applications/application-engine';
import { DecisionPdfsService } from '../decision-pdfs/decision-pdfs.service';
import { JobsRepository } from '../jobs/jobs.repository';
import { MeasuresService } from '../measures/measures.service';
import type { Posting } from '../messages/messages.repository';
import { ReviewProgressService } from '../reviews/review-progress.service';
import type { ReviewSubject } from '../reviews/review-subject';
import { FilingEntity, type FilingRoundEntity } from './filing.entity';
import { buildFilingSnapshot, sha256Hex } from './filing-snapshot.builder';
import { FilingRoundsRepository } from './filing-rounds.repository';
import {
  type AttachedDocument,
  FilingsRepository,
  type PilotDecisionRow,
  type RegisteredAlliance,
} from './filings.repository';
import { filingChanged, filingRefused } from './filings.errors';

const MAX_TEXT = 2000;

/** The job that refuses a returned filing nobody corrected by its deadline. */
export const FILING_LAPSE_JOB = 'filing.correction_lapse';
/** The job that reminds the city of its correction deadline three days ahead. */
export const FILING_CORRECTION_REMINDER_JOB = 'filing.correction_reminder';
/** The job the alliance's dissolution queues for the province (a trigger of the register). */
export const FILING_DISSOLUTION_JOB = 'filing.alliance_dissolved';
/** The job that tells the province a filing's public notice has ended. */
export const FILING_NOTICE_END_JOB = 'filing.notice_end';

/** What the guards and effects of one action on one filing read, each once. */
export type FilingFacts = {
  db: EntityManager;
  viewer: Viewer;
  filing: FilingEntity;
  round: FilingRoundEntity;
  now: Date;
  today: string;
  text: string;
  correctionDeadline: string | null;
  pilotDecision?: PilotDecisionRow | null;
  otherStates?: FilingState[];
  documents?: AttachedDocument[];
  usedQuota?: number;
  openObjections?: number;
  dissolved?: boolean;
  alliance?: RegisteredAlliance | null;
  /** The expert panel's progress, when a guard asks. */
  panel?: PanelStatus;
  /** The panel's aggregate, which a decision after review records as its basis. */
  review?: { total: number; passes: boolean } | null;
  /** The number FILE gave, for its notice. */
  filingNumber?: string;
  /** The snapshot a submission or change filing freezes. */
  snapshot?: FilingSnapshot;
};

type FilingKindRuntime = KindRuntime<
  FilingEntity,
  FilingState,
  FilingAction,
  FilingActor,
  FilingGuard,
  FilingFacts
>;

/** Which refusal speaks for a failing guard (the first of these that failed). */
const REFUSAL_CODES: [FilingGuard, string][] = [
  ['ROUND_OPEN', 'FILING_ROUND_CLOSED'],
  ['CORRECTION_DEADLINE_NOT_PASSED', 'FILING_CORRECTION_OVERDUE'],
  ['ELIGIBLE', 'FILING_NOT_ELIGIBLE'],
  ['WITHIN_QUOTA', 'FILING_QUOTA_USED'],
  ['CHANGE_DIFFERS', 'FILING_CHANGE_EMPTY'],
];

/** Filing with the province (Art. 21) as a kind of the application engine. */
@Injectable()
export class FilingKind implements FilingKindRuntime {
  readonly workflow = FILING_WORKFLOW;
  readonly entity = FilingEntity;
  readonly noun = '备案';

  constructor(
    private readonly filings: FilingsRepository,
    private readonly rounds: FilingRoundsRepository,
    private readonly measures: MeasuresService,
    private readonly jobs: JobsRepository,
    private readonly clock: Clock,
    private readonly progress: ReviewProgressService,
    private readonly decisionPdfs: DecisionPdfsService,
  ) {}

  async load(db: EntityManager, id: string): Promise<FilingEntity> {
    const filing = await this.filings.find(db, id);
    if (!filing) throw new AppError('NOT_FOUND');
    return filing;
  }

  actorsOf(viewer: Viewer, filing: FilingEntity): FilingActor[] {
    if (viewer.system) return viewer.tenantId === filing.authorityTenantId ? ['SYSTEM'] : [];
    return filingActorsOf(viewer, filing);
  }

  async facts(
    db: EntityManager,
    viewer: Viewer,
    filing: FilingEntity,
    transition: { action: FilingAction; guards: readonly FilingGuard[] },
    text: string,
    details: Record<string, unknown>,
  ): Promise<FilingFacts> {
    const round = await this.rounds.find(db, filing.roundId);
    if (!round) throw new AppError('NOT_FOUND');
    const now = this.clock.now();
    const deadline = details.correctionDeadline;
    const facts: FilingFacts = {
      db,
      viewer,
      filing,
      round,
      now,
      today: chinaDate(now),
      text,
      correctionDeadline: typeof deadline === 'string' ? deadline : null,
    };
    const needs = new Set<string>([...transition.guards, transition.action]);
    if (needs.has('ELIGIBLE') || needs.has('SUBMIT') || needs.has('SUBMIT_CHANGE')) {
      facts.alliance = await this.filings.alliance(db, filing.allianceId);
      facts.pilotDecision = await this.filings.pilotDecision(db, filing.allianceId);
      facts.otherStates = await this.filings.otherFilingStates(db, filing);
    }
    if (needs.has('DOSSIER_COMPLETE') || needs.has('SUBMIT') || needs.has('SUBMIT_CHANGE'))
      facts.documents = (await this.filings.attachedDocuments(db, [filing.id]))[0] ?? [];
    if (needs.has('WITHIN_QUOTA')) facts.usedQuota = await this.filings.usedQuota(db, filing);
    if (needs.has('OBJECTIONS_ANSWERED'))
      facts.openObjections = await this.filings.openObjections(db, filing.id);
    if (needs.has('ALLIANCE_ACTIVE') || needs.has('ALLIANCE_DISSOLVED'))
      facts.dissolved = await this.filings.allianceDissolved(db, filing.id);
    if (needs.has('PANEL_COMPLETE') || needs.has('ALL_SHEETS_SUBMITTED')) {
      const subject = FilingKind.reviewSubject(filing);
      const { parameters } = await this.progress.parametersOf(db, subject);
      facts.panel = await this.progress.panelStatus(db, subject, parameters);
    }
    if (round.reviewRequired && (needs.has('FILE') || needs.has('REFUSE'))) {
      const aggregate = await this.progress.aggregate(db, FilingKind.reviewSubject(filing));
      facts.review = aggregate ? { total: aggregate.total, passes: aggregate.passes } : null;
    }
    if (needs.has('SUBMIT') || needs.has('SUBMIT_CHANGE')) facts.snapshot = await this.snapshotFor(facts);
    return facts;
  }

  /** The filing as expert review reads it: the filing city sent it up on submission. */
  private static reviewSubject(filing: FilingEntity): ReviewSubject {
    return {
      type: 'filing',
      id: filing.id,
      tenantId: filing.tenantId,
      authorityTenantId: filing.authorityTenantId,
      allianceId: filing.allianceId,
      recommendingTenantId: filing.tenantId,
      batchId: filing.roundId,
      state: filing.state,
      recommendedAt: filing.submittedAt,
      memberOrganizationIds: [],
      dossier: filing.dossier,
    };
  }

  /** The record as it stands today; undefined when the alliance or its pilot decision is gone. */
  private async snapshotFor(f: FilingFacts): Promise<FilingSnapshot | undefined> {
    const alliance = f.alliance;
    if (!alliance || !f.pilotDecision || !f.filing.level) return undefined;
    const organizations = await this.filings.organizationsByIds(
      f.db,
      alliance.snapshot.members.map((m) => m.organizationId),
    );
    const measures = await this.measures.inForce(f.db, f.viewer, f.today);
    return buildFilingSnapshot({
      now: f.now,
      asOf: f.today,
      alliance: alliance.alliance,
      register: alliance.snapshot,
      organizations,
      documents: f.documents ?? [],
      measures,
      pilotDecision: f.pilotDecision,
      significance: { statement: f.filing.significance, level: f.filing.level },
    });
  }

  check(guard: FilingGuard, f: FilingFacts): FieldViolation[] {
    const fail = (message: string = FILING_WORKFLOW.guards[guard].label) => [
      violation(`guard.${guard}`, guard, message),
    ];
    switch (guard) {
      case 'ROUND_ASKS_REVIEW':
      case 'ROUND_WITHOUT_REVIEW':
      case 'ROUND_ASKS_NOTICE':
      case 'ROUND_WITHOUT_NOTICE':
        return roundRouteHolds(guard, f.round) ? [] : fail();
      case 'ROUND_OPEN':
        return roundIsOpen(f.round, f.now)
          ? []
          : fail(`不在备案批次的受理时间内：受理时间为 ${roundWindow(f.round)}`);
      case 'ELIGIBLE': {
        const alliance = f.alliance?.alliance;
        if (!alliance) return fail('找不到备案的联盟');
        return filingEligibilityViolations({
          filingTenantId: f.filing.tenantId,
          alliance: {
            tenantId: alliance.tenantId,
            status: alliance.status,
            dissolvedOn: alliance.dissolvedOn,
            pilotStatus: alliance.pilotStatus,
          },
          pilotDecision: f.pilotDecision ?? null,
          otherFilingStates: f.otherStates ?? [],
        });
      }
      case 'DOSSIER_COMPLETE':
        return filingDossierGaps(
          {
            significance: f.filing.significance,
            level: f.filing.level,
            documentKinds: (f.documents ?? []).map((d) => d.kind),
          },
          f.round,
        );
      case 'WITHIN_QUOTA':
        return quotaViolations(f.round, f.usedQuota ?? 0);
      case 'REASON_GIVEN':
        if (!f.text) return fail();
        return f.text.length > MAX_TEXT ? fail(`理由不能超过 ${MAX_TEXT} 个字`) : [];
      case 'CORRECTION_DEADLINE_SET':
        return correctionDeadlineViolations(f.correctionDeadline, f.today);
      case 'CORRECTION_DEADLINE_NOT_PASSED':
        return correctionDeadlinePassed(f.today, f.filing.correctionDeadline)
          ? fail(`补正期限（${f.filing.correctionDeadline}）已过，不能再提交`)
          : [];
      case 'CORRECTION_DEADLINE_PASSED':
        return correctionDeadlinePassed(f.today, f.filing.correctionDeadline)
          ? []
          : fail(`补正期限至 ${f.filing.correctionDeadline ?? '—'}，尚未届满`);
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
      case 'NOTICE_PERIOD_OVER':
        return noticePeriodOver(f.today, f.filing.noticeEndsOn)
          ? []
          : fail(`公示期至 ${f.filing.noticeEndsOn ?? '—'} 结束，尚未期满`);
      case 'OBJECTIONS_ANSWERED':
        return (f.openObjections ?? 0) > 0 ? fail(`尚有 ${f.openObjections} 条公示异议未答复`) : [];
      case 'ALLIANCE_ACTIVE':
        return f.dissolved ? fail() : [];
      case 'ALLIANCE_DISSOLVED':
        return f.dissolved ? [] : fail();
      case 'CHANGE_DIFFERS':
        return f.snapshot && f.filing.dossier && diffSnapshots(f.filing.dossier, f.snapshot).length > 0
          ? []
          : fail();
    }
  }

  private by(f: FilingFacts): string | null {
    return f.viewer.system ? null : f.viewer.userId;
  }

  private reason = (f: FilingFacts): Effects<FilingEntity> => ({ lastReason: f.text || null });

  readonly effects: Record<
    FilingAction,
    (f: FilingFacts) => Effects<FilingEntity> | Promise<Effects<FilingEntity>>
  > = {
    SUBMIT: (f) => this.submission(f, 'SUBMISSION'),
    SUBMIT_CHANGE: (f) => this.submission(f, 'CHANGE'),
    ACCEPT: (f) => ({ acceptedAt: f.now }),
    RETURN: async (f) => {
      const deadline = f.correctionDeadline!;
      // The deadline's own day still counts: the filing lapses as the next day begins (China time).
      const lapsesAt = new Date(`${addCalendarDays(deadline, 1)}T00:00:00+08:00`);
      const job = {
        tenantId: f.filing.authorityTenantId,
        key: `${f.filing.id}:${deadline}`,
        payload: { filingId: f.filing.id },
      };
      await this.jobs.schedule(f.db, { ...job, kind: FILING_LAPSE_JOB, runAt: lapsesAt });
      const remindAt = reminderAt(lapsesAt, f.now);
      if (remindAt)
        await this.jobs.schedule(f.db, { ...job, kind: FILING_CORRECTION_REMINDER_JOB, runAt: remindAt });
      return { lastReason: f.text, correctionDeadline: deadline };
    },
    REFUSE: (f) => this.decision(f, {}),
    LAPSE: (f) => this.decision({ ...f, text: `逾期未补正（补正期限 ${f.filing.correctionDeadline}）` }, {}),
    START_REVIEW: () => ({}),
    FINISH_REVIEW: () => ({}),
    PUBLICISE: async (f) => {
      const notice = publicNoticePeriod(f.today, f.round.noticeDays);
      await this.jobs.schedule(f.db, {
        tenantId: f.filing.authorityTenantId,
        kind: FILING_NOTICE_END_JOB,
        key: `${f.filing.id}:${notice.endsOn}`,
        payload: { filingId: f.filing.id },
        runAt: new Date(`${addCalendarDays(notice.endsOn, 1)}T00:00:00+08:00`),
      });
      return { noticeStartsOn: notice.startsOn, noticeEndsOn: notice.endsOn };
    },
    FILE: (f) => this.filed(f),
    ACCEPT_CHANGE: async (f) => {
      const latest = await this.filings.latestSnapshot(f.db, f.filing);
      return { dossier: latest?.snapshot ?? f.filing.dossier, lastReason: f.text || null };
    },
    RETURN_CHANGE: this.reason,
    SUSPEND: this.reason,
    REINSTATE: this.reason,
    WITHDRAW: this.reason,
    REVOKE: (f) => this.decision(f, {}),
    REVOKE_ON_DISSOLUTION: (f) => this.decision({ ...f, text: '联盟已解散' }, {}),
  };

  refusal(
    action: FilingAction,
    violations: FieldViolation[],
    failed: FilingGuard[],
    f: FilingFacts | undefined,
  ): AppError {
    if (!f) return filingRefused(violations, violations[0]?.message);
    const label = FILING_WORKFLOW.actions[action].label;
    const message = `不能「${label}」：${violations.map((v) => v.message).join('；')}`;
    for (const [guard, code] of REFUSAL_CODES) {
      if (!failed.includes(guard)) continue;
      const own = violations.filter((v) => v.field === `guard.${guard}` || guard === 'ELIGIBLE');
      if (guard === 'ROUND_OPEN')
        return new AppError('FILING_ROUND_CLOSED', { violations: own }, own[0]?.message);
      if (guard === 'ELIGIBLE' && violations.some((v) => v.rule === 'ALREADY_FILED'))
        return new AppError('FILING_ALREADY_OPEN', { violations }, message);
      return new AppError(code as 'FILING_NOT_ELIGIBLE', { violations }, message);
    }
    return filingRefused(violations, message);
  }

  changed(): AppError {
    return filingChanged();
  }

  auditAfter(action: FilingAction, text: string): Record<string, unknown> {
    return text ? { reason: text } : {};
  }

  /** The certificate (备案证明) of a filing entered in the register, kept as PDF; a change accepted renews it. */
  async afterStep(
    db: EntityManager,
    row: FilingEntity,
    action: FilingAction,
    f: FilingFacts,
    effects: Effects<FilingEntity>,
  ): Promise<void> {
    if (action !== 'FILE' && action !== 'ACCEPT_CHANGE') return;
    const filed = { ...row, ...effects };
    if (!filed.filingNumber) return;
    const snapshot = filed.dossier ?? null;
    const cityName = (await this.filings.tenantNames(db, [row.tenantId])).get(row.tenantId) ?? '';
    const certificate = filingCertificate({
      allianceName: snapshot?.alliance.name ?? '',
      cityName,
      filingNumber: filed.filingNumber,
      filedOn: filed.filedOn,
      validThrough: filed.validThrough,
      roundDocumentNumber: f.round.documentNumber,
      // A dossier that names no measures leaves the line out.
      measuresDocumentNumber: snapshot?.measures?.province?.documentNumber ?? null,
    });
    await this.decisionPdfs.request(db, {
      tenantId: row.authorityTenantId,
      subjectType: 'filing',
      subjectId: row.id,
      fileName: `${certificate.title}（${filed.filingNumber}）.pdf`.slice(0, 255),
      letter: certificate,
    });
  }

  notices(row: FilingEntity, action: FilingAction, f: FilingFacts, text: string): Posting[] {
    const notice = FILING_NOTICES[action];
    const allianceName = row.dossier?.alliance.name ?? f.snapshot?.alliance.name ?? '联盟';
    const words = filingNoticeText(action, { allianceName, filingNumber: f.filingNumber ?? null, text });
    if (!notice || !words) return [];
    return [
      {
        to: {
          tenantId: notice.to === 'FILING_CITY' ? row.tenantId : row.authorityTenantId,
          roles: STAFF_ROLES,
        },
        kind: notice.kind,
        ...words,
        link: `/filings/${row.id}`,
        subjectType: 'filing',
        subjectId: row.id,
        dedupeKey: `filing.${action.toLowerCase()}:${row.id}:${row.version}`,
      },
    ];
  }

  /** Freezes what is sent: a snapshot row nobody can change, and (for a submission) the dossier. */
  private async submission(f: FilingFacts, kind: 'SUBMISSION' | 'CHANGE'): Promise<Effects<FilingEntity>> {
    const snapshot = f.snapshot!;
    await this.filings.freeze(f.db, f.filing, {
      kind,
      snapshot,
      sha256: sha256Hex(canonicalJson(snapshot)),
      takenAt: f.now,
      takenBy: f.viewer.userId,
    });
    if (kind === 'CHANGE') return { lastReason: f.text };
    return { dossier: snapshot, submittedAt: f.now, submittedBy: f.viewer.userId };
  }

  private decision(f: FilingFacts, extra: Effects<FilingEntity>): Effects<FilingEntity> {
    return {
      ...extra,
      lastReason: f.text || null,
      decidedAt: f.now,
      decidedBy: this.by(f),
      decisionBasis: {
        reason: f.text || null,
        filingNumber: f.filing.filingNumber,
        reviewTotal: f.review?.total ?? null,
        passes: f.review?.passes ?? null,
      },
    };
  }

  /** The year's next number, taken in this transaction; the filing valid for the measures' years. */
  private async filed(f: FilingFacts): Promise<Effects<FilingEntity>> {
    const year = Number(f.today.slice(0, 4));
    const seq = await this.filings.nextNumber(f.db, f.filing.authorityTenantId, year);
    const filingNumber = formatFilingNumber({ year, sequence: seq });
    f.filingNumber = filingNumber;
    const measures = await this.measures.inForce(f.db, f.viewer, f.today, false);
    return {
      ...this.decision({ ...f, filing: { ...f.filing, filingNumber } }, {}),
      filingYear: year,
      filingSeq: seq,
      filingNumber,
      filedOn: f.today,
      validThrough: filingValidThrough(f.today, measures.parameters.filing.validityYears),
    };
  }
}
