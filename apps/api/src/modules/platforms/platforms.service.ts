import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  chinaDate,
  dayAfter,
  evaluate,
  type EvaluationGrade,
  type EvaluationSheet,
  evaluationConsequence,
  evaluationSheetViolations,
  type FieldViolation,
  firstReportYear,
  isCalendarDate,
  isStaff,
  PLATFORM_KINDS,
  platformRecordViolations,
  type PlatformReportFigures,
  platformReportViolations,
  type PlatformStatus,
  rectificationDeadline,
  reportDueOn,
  STANDING_OF_STATUS,
  STATUS_OF_STANDING,
} from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { actOn } from '../../common/access/access';
import { Clock } from '../../common/clock';
import { AppError, badInput, violation } from '../../common/errors/app-error';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import { JobHandlers } from '../jobs/job-handlers';
import { type Job, JobsRepository } from '../jobs/jobs.repository';
import { MessagesService } from '../messages/messages.service';
import { type PlatformRecognition, PlatformRecogniser } from '../programmes/platform-recogniser';
import {
  type PlatformEvaluationRow,
  type PlatformFilter,
  type PlatformMemberRow,
  type PlatformReportRow,
  type PlatformRow,
  PlatformsRepository,
  type PlatformStatusEventRow,
} from './platforms.repository';

export const PLATFORM_REPORT_DEADLINE_JOB = 'platform.report_deadline';
export const PLATFORM_RECTIFICATION_DEADLINE_JOB = 'platform.rectification_deadline';

export type PlatformRecord = PlatformRow & { members: PlatformMemberRow[] };
export type PlatformDetail = PlatformRecord & {
  events: PlatformStatusEventRow[];
  reports: PlatformReportRow[];
  evaluations: PlatformEvaluationRow[];
};

/** A sheet as the evaluation records it: the expert (of the pool, when scored in a round) and the scores. */
export type RecordedSheet = EvaluationSheet & { expertId?: string; submittedAt?: string };

export type EvaluationInput = {
  platformId: string;
  version: number;
  year: number;
  evaluatedOn: string;
  sheets: { expertName: string; scores: { key: string; score: number }[] }[];
};

/** A deadline passes from 00:00 China time of the day after it. */
const startOfChinaDay = (date: string) => new Date(`${date}T00:00:00+08:00`);

/**
 * The platform register (Art. 15): recognition enters a platform (through the programme engine's
 * decision), the host unit's side files annual reports, the authority evaluates by the kind's
 * scheme and the grade moves the platform (rectification, removal). Two deadlines run as jobs of
 * the authority: a year's report missing past its day removes the platform; the end of a
 * rectification period tells the authority a re-evaluation is due.
 */
@Injectable()
export class PlatformsService extends PlatformRecogniser implements OnModuleInit {
  constructor(
    private readonly platforms: PlatformsRepository,
    private readonly audit: AuditService,
    private readonly jobs: JobsRepository,
    private readonly handlers: JobHandlers,
    private readonly messages: MessagesService,
    private readonly clock: Clock,
  ) {
    super();
  }

  onModuleInit(): void {
    this.handlers.register({
      kind: PLATFORM_REPORT_DEADLINE_JOB,
      actsAs: 'AUTHORITY',
      run: (db, job) => this.onReportDeadline(db, job),
    });
    this.handlers.register({
      kind: PLATFORM_RECTIFICATION_DEADLINE_JOB,
      actsAs: 'AUTHORITY',
      run: (db, job) => this.onRectificationDeadline(db, job),
    });
  }

  /** 认定: the decision's effect, inside the engine's transaction, as the authority. */
  async recognise(db: EntityManager, r: PlatformRecognition): Promise<{ id: string }> {
    const v = platformRecordViolations(
      {
        kind: r.kind,
        level: r.level,
        name: r.name,
        hostOrganizationId: r.hostOrganizationId,
        coBuilderOrganizationIds: r.coBuilderOrganizationIds,
        allianceMemberIds: r.allianceMemberIds,
        field: r.field,
        recognitionDocument: r.recognitionDocument,
        recognisedOn: r.recognisedOn,
        director: r.director,
      },
      r.level === 'CITY' ? 'CITY' : 'PROVINCE',
      r.recognisedOn,
    );
    if (v.length) throw badInput(v);
    const id = await this.platforms.insert(db, {
      tenantId: r.tenantId,
      allianceTenantId: r.allianceTenantId,
      allianceId: r.allianceId,
      allianceName: r.allianceName,
      kind: r.kind,
      level: r.level,
      name: r.name,
      hostOrganizationId: r.hostOrganizationId,
      coBuilderOrganizationIds: r.coBuilderOrganizationIds,
      field: r.field,
      recognitionDocument: r.recognitionDocument,
      recognisedOn: r.recognisedOn,
      director: r.director,
      applicationId: r.applicationId,
      registeredBy: r.recordedBy,
    });
    if (!id) throw new AppError('PLATFORM_ALREADY_RECOGNISED');
    await this.platforms.addStatusEvent(db, {
      tenantId: r.tenantId,
      platformId: id,
      fromStatus: null,
      toStatus: 'RECOGNISED',
      reason: `认定（${r.recognitionDocument}）`,
      basis: { applicationId: r.applicationId, recognitionDocument: r.recognitionDocument },
      effectiveOn: r.recognisedOn,
      recordedBy: r.recordedBy,
    });
    await this.scheduleReportDeadline(
      db,
      { id, tenantId: r.tenantId, kind: r.kind },
      firstReportYear(r.recognisedOn),
    );
    await this.audit.record(db, {
      action: 'platform.recognise',
      subjectType: 'platform',
      subjectId: id,
      after: { ...r, allianceMemberIds: undefined },
    });
    return { id };
  }

  async list(db: EntityManager, filter: PlatformFilter): Promise<[PlatformRecord[], number]> {
    const [rows, total] = await this.platforms.list(db, filter);
    const members = await this.platforms.membersOf(
      db,
      rows.map((r) => r.id),
    );
    return [rows.map((r) => ({ ...r, members: members.filter((m) => m.platformId === r.id) })), total];
  }

  async detail(db: EntityManager, id: string): Promise<PlatformDetail> {
    const platform = actOn(await this.platforms.find(db, id));
    return {
      ...platform,
      members: await this.platforms.membersOf(db, [platform.id]),
      events: await this.platforms.eventsOf(db, platform.id),
      reports: await this.platforms.reportsOf(db, platform.id),
      evaluations: await this.platforms.evaluationsOf(db, platform.id),
    };
  }

  /** The host unit's annual report, filed by its home bureau's staff (or the authority's). */
  async fileReport(
    ctx: RequestContext,
    viewer: Viewer,
    input: PlatformReportFigures & { platformId: string },
  ): Promise<PlatformDetail> {
    const today = chinaDate(this.clock.now());
    const figures: PlatformReportFigures = { ...input, rdSpendingFen: input.rdSpendingFen.trim() };
    const platform = actOn(
      await this.platforms.find(ctx.db, input.platformId),
      (p) => isStaff(viewer.roles) && [p.tenantId, p.allianceTenantId].includes(viewer.tenantId),
    );
    const v = platformReportViolations(figures, platform, today);
    if (v.length) throw badInput(v);
    if (platform.status === 'REMOVED') throw new AppError('PLATFORM_REMOVED');
    const id = await this.platforms.insertReport(ctx.db, {
      ...figures,
      rdSpendingFen: BigInt(figures.rdSpendingFen).toString(),
      platformId: platform.id,
      tenantId: platform.tenantId,
      filedBy: viewer.userId,
    });
    if (!id) throw new AppError('PLATFORM_REPORT_FILED');
    await this.audit.record(ctx.db, {
      action: 'platform.report.file',
      subjectType: 'platform',
      subjectId: platform.id,
      after: { reportId: id, ...figures, dueOn: reportDueOn(platform.kind, figures.year) },
    });
    return this.detail(ctx.db, platform.id);
  }

  /** The periodic evaluation (or the re-evaluation in rectification) and what its grade does. */
  async evaluate(ctx: RequestContext, viewer: Viewer, input: EvaluationInput): Promise<PlatformDetail> {
    const today = chinaDate(this.clock.now());
    const v: FieldViolation[] = [];
    if (!isCalendarDate(input.evaluatedOn))
      v.push(violation('evaluatedOn', 'DATE', '请填写评估日期（YYYY-MM-DD）'));
    else if (input.evaluatedOn > today)
      v.push(violation('evaluatedOn', 'NOT_FUTURE', `评估日期不能晚于今天（${today}）`));
    if (!Number.isInteger(input.year) || input.year < 2016 || input.year > Number(today.slice(0, 4)))
      v.push(violation('year', 'INTEGER_RANGE', `评估年度应在 2016 至 ${today.slice(0, 4)} 之间`));
    const sheets: EvaluationSheet[] = input.sheets.map((s) => ({
      expertName: s.expertName.trim(),
      scores: Object.fromEntries(s.scores.map((x) => [x.key, x.score])),
    }));
    input.sheets.forEach((s, i) => {
      const keys = s.scores.map((x) => x.key);
      if (new Set(keys).size !== keys.length)
        v.push(violation(`sheets.${i}.scores`, 'DUPLICATE', '同一指标只能评一次分'));
      if ([...s.expertName.trim()].length > 40)
        v.push(violation(`sheets.${i}.expertName`, 'TOO_LONG', '专家姓名不超过 40 字'));
    });
    const platform = actOn(
      await this.platforms.find(ctx.db, input.platformId),
      (p) => isStaff(viewer.roles) && [p.tenantId, p.allianceTenantId].includes(viewer.tenantId),
    );
    if (platform.tenantId !== viewer.tenantId) throw new AppError('PLATFORM_NOT_AUTHORITY');
    const scheme = PLATFORM_KINDS[platform.kind].evaluation;
    v.push(...evaluationSheetViolations(scheme, sheets));
    if (isCalendarDate(input.evaluatedOn) && input.evaluatedOn < platform.recognisedOn)
      v.push(
        violation('evaluatedOn', 'AFTER_RECOGNITION', `评估日期不能早于认定日期（${platform.recognisedOn}）`),
      );
    if (v.length) throw badInput(v);
    if (platform.version !== input.version) throw new AppError('PLATFORM_CHANGED');
    if (platform.status === 'REMOVED') throw new AppError('PLATFORM_REMOVED');

    await this.recordEvaluation(ctx.db, viewer, platform, {
      year: input.year,
      evaluatedOn: input.evaluatedOn,
      sheets,
      roundId: null,
    });
    return this.detail(ctx.db, platform.id);
  }

  /**
   * The grade of valid sheets and what it does (the rectification deadline and its job, removal with
   * its reason), recorded with the sheets, the history and the audit event: the officer's entry and
   * the close of an evaluation round alike. The platform is as read (its version guards the move).
   */
  async recordEvaluation(
    db: EntityManager,
    viewer: Viewer,
    platform: PlatformRow,
    input: { year: number; evaluatedOn: string; sheets: RecordedSheet[]; roundId: string | null },
  ): Promise<{ evaluationId: string; grade: EvaluationGrade; total: number; status: PlatformStatus }> {
    if (platform.status === 'REMOVED') throw new AppError('PLATFORM_REMOVED');
    const scheme = PLATFORM_KINDS[platform.kind].evaluation;
    const sheets = input.sheets;
    const result = evaluate(scheme, sheets);
    const effect = evaluationConsequence(STANDING_OF_STATUS[platform.status], result.grade)!;
    const next: PlatformStatus = STATUS_OF_STANDING[effect.next];
    const dueOn = effect.rectification ? rectificationDeadline(scheme, input.evaluatedOn) : null;
    const moved = await this.platforms.setStatus(db, {
      id: platform.id,
      version: platform.version,
      status: next,
      rectificationDueOn: next === 'RECTIFYING' ? (dueOn ?? platform.rectificationDueOn) : null,
      removedReason: next === 'REMOVED' ? effect.reason : null,
    });
    if (!moved) throw new AppError('PLATFORM_CHANGED');
    const evaluationId = await this.platforms.insertEvaluation(db, {
      tenantId: platform.tenantId,
      platformId: platform.id,
      year: input.year,
      field: platform.field,
      evaluatedOn: input.evaluatedOn,
      scheme,
      sheets,
      roundId: input.roundId,
      total: result.total.toFixed(2),
      grade: result.grade,
      statusBefore: platform.status,
      statusAfter: next,
      recordedBy: viewer.userId,
    });
    await this.platforms.addStatusEvent(db, {
      tenantId: platform.tenantId,
      platformId: platform.id,
      fromStatus: platform.status,
      toStatus: next,
      reason: dueOn ? `${effect.reason}，整改期限至 ${dueOn}` : effect.reason,
      basis: { evaluationId, total: result.total, grade: result.grade },
      effectiveOn: input.evaluatedOn,
      recordedBy: viewer.userId,
    });
    if (dueOn)
      await this.jobs.schedule(db, {
        tenantId: platform.tenantId,
        kind: PLATFORM_RECTIFICATION_DEADLINE_JOB,
        key: `${platform.id}:${dueOn}`,
        payload: { platformId: platform.id, dueOn },
        runAt: startOfChinaDay(dayAfter(dueOn)),
      });
    await this.audit.record(db, {
      action: 'platform.evaluate',
      subjectType: 'platform',
      subjectId: platform.id,
      before: { status: platform.status },
      after: {
        evaluationId,
        roundId: input.roundId ?? undefined,
        total: result.total,
        grade: result.grade,
        status: next,
        rectificationDueOn: dueOn,
      },
    });
    return { evaluationId, grade: result.grade, total: result.total, status: next };
  }

  private scheduleReportDeadline(
    db: EntityManager,
    platform: Pick<PlatformRow, 'id' | 'tenantId' | 'kind'>,
    year: number,
  ): Promise<void> {
    const dueOn = reportDueOn(platform.kind, year);
    return this.jobs.schedule(db, {
      tenantId: platform.tenantId,
      kind: PLATFORM_REPORT_DEADLINE_JOB,
      key: `${platform.id}:${year}`,
      payload: { platformId: platform.id, year },
      runAt: startOfChinaDay(dayAfter(dueOn)),
    });
  }

  /** A year's report past its day: filed → watch the next year; missing → the platform is removed. */
  async onReportDeadline(db: EntityManager, job: Job): Promise<void> {
    const { platformId, year } = job.payload;
    if (typeof platformId !== 'string' || typeof year !== 'number')
      throw new Error(`malformed job ${job.key}`);
    const platform = await this.platforms.find(db, platformId);
    if (!platform || platform.status === 'REMOVED') return;
    if (await this.platforms.reportFiled(db, platform.id, year)) {
      await this.scheduleReportDeadline(db, platform, year + 1);
      return;
    }
    const dueOn = reportDueOn(platform.kind, year);
    const reason = `${year} 年度报告逾期未报送（截止 ${dueOn}），撤销认定`;
    if (
      !(await this.platforms.setStatus(db, {
        id: platform.id,
        version: platform.version,
        status: 'REMOVED',
        rectificationDueOn: null,
        removedReason: reason,
      }))
    )
      throw new Error(`platform ${platform.id} moved while its report deadline ran`);
    await this.platforms.addStatusEvent(db, {
      tenantId: platform.tenantId,
      platformId: platform.id,
      fromStatus: platform.status,
      toStatus: 'REMOVED',
      reason,
      basis: { missingReportYear: year, dueOn },
      effectiveOn: dayAfter(dueOn),
      recordedBy: null,
    });
    await this.audit.record(db, {
      action: 'platform.remove',
      subjectType: 'platform',
      subjectId: platform.id,
      before: { status: platform.status },
      after: { status: 'REMOVED', reason, missingReportYear: year },
    });
  }

  /** The rectification period is over: the authority is told a re-evaluation is due. */
  async onRectificationDeadline(db: EntityManager, job: Job): Promise<void> {
    const { platformId, dueOn } = job.payload;
    if (typeof platformId !== 'string' || typeof dueOn !== 'string')
      throw new Error(`malformed job ${job.key}`);
    const platform = await this.platforms.find(db, platformId);
    if (!platform || platform.status !== 'RECTIFYING' || platform.rectificationDueOn !== dueOn) return;
    await this.messages.post(db, {
      to: {
        tenantId: platform.tenantId,
        roles:
          platform.level === 'CITY' ? ['CITY_ADMIN', 'CITY_OFFICER'] : ['PROVINCE_ADMIN', 'PROVINCE_OFFICER'],
      },
      kind: 'DEADLINE_SOON',
      title: '平台整改期满',
      body: `「${platform.name}」的整改期限已于 ${dueOn} 届满，请组织复评：复评仍不合格的撤销认定。`,
      link: `/platforms/${platform.id}`,
      subjectType: 'platform',
      subjectId: platform.id,
      dedupeKey: `platform.rectification:${platform.id}:${dueOn}`,
    });
  }
}
