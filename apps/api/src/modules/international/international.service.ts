import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  type BaseEvaluation,
  baseEvaluable,
  baseEvaluationOutcome,
  baseEvaluationScheme,
  baseEvaluationViolations,
  chinaDate,
  checkControlCharacters,
  COOPERATION_BASE_STATUS_LABELS,
  COOPERATION_BASE_TRANSITIONS,
  type CooperationBaseAction,
  cooperationBaseNext,
  type CooperationBaseStatus,
  cooperationBaseViolations,
  dayAfter,
  type EvaluationSheet,
  type FieldViolation,
  isCalendarDate,
  recognitionOfBaseViolations,
} from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { actOn, isId, requireStaff } from '../../common/access/access';
import { Clock } from '../../common/clock';
import { badInput, violation } from '../../common/errors/app-error';
import { sqlState, UNIQUE_VIOLATION } from '../../common/errors/database-errors';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import { DocumentsService } from '../documents/documents.service';
import { JobHandlers } from '../jobs/job-handlers';
import { type Job, JobsRepository } from '../jobs/jobs.repository';
import { MessagesService } from '../messages/messages.service';
import {
  baseAlreadyEvaluated,
  baseChanged,
  baseNameTaken,
  baseTransitionRefused,
} from './international.errors';
import {
  type BaseEvaluationRow,
  type BaseFilter,
  type CooperationBaseRow,
  type InternationalProjectFilter,
  type InternationalProjectRow,
  InternationalRepository,
} from './international.repository';

export type RegisterBaseInput = {
  allianceId: string;
  hostOrganizationId: string;
  name: string;
  type: string;
  level: string;
  status: string;
  recognisedOn?: string | null;
  recognitionDocumentId?: string | null;
};

export type CooperationBaseRecord = CooperationBaseRow & { evaluations: BaseEvaluationRow[] };

export type BaseEvaluationInput = {
  baseId: string;
  version: number;
  year: number;
  evaluatedOn: string;
  sheets: { expertName: string; scores: { key: string; score: number }[] }[];
  remarks: string;
};

export const BASE_RECTIFICATION_DEADLINE_JOB = 'cooperation_base.rectification_deadline';

const REASON_MAX = 2000;
const EXPERT_NAME_MAX = 40;

/** A deadline passes from 00:00 China time of the day after it. */
const startOfChinaDay = (date: string) => new Date(`${date}T00:00:00+08:00`);

/**
 * International cooperation (Art. 16): the bases register and the international projects. A base
 * is evaluated like a platform (the generic graded evaluation on its type's scheme): 不合格 puts
 * it into rectification, whose end runs as a job telling the bureau a re-evaluation is due, and a
 * failed re-evaluation revokes it. The projects are the programme kind's (their application and
 * award run on the one engine); this service only reads them with the particulars their award froze.
 */
@Injectable()
export class InternationalService implements OnModuleInit {
  constructor(
    private readonly repository: InternationalRepository,
    private readonly documents: DocumentsService,
    private readonly audit: AuditService,
    private readonly jobs: JobsRepository,
    private readonly handlers: JobHandlers,
    private readonly messages: MessagesService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.handlers.register({
      kind: BASE_RECTIFICATION_DEADLINE_JOB,
      actsAs: 'AUTHORITY',
      run: (db, job) => this.onRectificationDeadline(db, job),
    });
  }

  async registerBase(
    ctx: RequestContext,
    viewer: Viewer,
    input: RegisterBaseInput,
  ): Promise<CooperationBaseRecord> {
    requireStaff(viewer);
    const today = chinaDate(this.clock.now());
    const record = {
      name: input.name.trim(),
      type: input.type,
      level: input.level,
      hostOrganizationId: input.hostOrganizationId || null,
      status: input.status,
      recognisedOn: input.recognisedOn?.trim() || null,
      recognitionDocumentId: input.recognitionDocumentId || null,
    };
    const v: FieldViolation[] = cooperationBaseViolations(record, today);
    if (!isId(input.allianceId)) v.push(violation('allianceId', 'NOT_FOUND', '请从联盟名录中选择联盟'));
    if (v.length) throw badInput(v);

    if (!(await this.repository.allianceExists(ctx.db, input.allianceId)))
      throw badInput([violation('allianceId', 'NOT_FOUND', '请从联盟名录中选择联盟')]);
    if (!(await this.repository.isMember(ctx.db, input.allianceId, input.hostOrganizationId, today)))
      v.push(
        violation('hostOrganizationId', 'NOT_MEMBER_UNIT', '依托单位应为联盟的现有成员单位（第十六条）'),
      );
    if (record.recognitionDocumentId)
      v.push(...(await this.documentViolations(ctx.db, input.allianceId, record.recognitionDocumentId)));
    if (v.length) throw badInput(v);

    let id: string;
    try {
      id = await this.repository.insertBase(ctx.db, {
        tenantId: viewer.tenantId,
        allianceId: input.allianceId,
        hostOrganizationId: input.hostOrganizationId,
        name: record.name,
        type: record.type,
        level: record.level,
        status: record.status as CooperationBaseStatus,
        recognisedOn: record.status === 'RECOGNISED' ? record.recognisedOn : null,
        recognitionDocumentId: record.status === 'RECOGNISED' ? record.recognitionDocumentId : null,
        createdBy: viewer.userId,
      });
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION) throw baseNameTaken();
      throw error;
    }
    await this.audit.record(ctx.db, {
      action: 'cooperation_base.register',
      subjectType: 'cooperation_base',
      subjectId: id,
      after: { ...record, allianceId: input.allianceId },
    });
    return this.base(ctx.db, id);
  }

  /** RECOGNISE (with its document and date) or REVOKE (with its date and reason), once. */
  async transition(
    ctx: RequestContext,
    viewer: Viewer,
    input: {
      id: string;
      version: number;
      action: CooperationBaseAction;
      on: string;
      recognitionDocumentId?: string | null;
      reason?: string | null;
    },
  ): Promise<CooperationBaseRecord> {
    requireStaff(viewer);
    const today = chinaDate(this.clock.now());
    const on = input.on.trim();
    const reason = (input.reason ?? '').trim();
    const v: FieldViolation[] =
      input.action === 'RECOGNISE'
        ? recognitionOfBaseViolations(on, input.recognitionDocumentId || null, today)
        : revocationViolations(on, reason, today);
    if (v.length) throw badInput(v);

    const base = actOn(await this.repository.base(ctx.db, input.id, true));
    const next = cooperationBaseNext(base.status, input.action);
    if (!next)
      throw baseTransitionRefused(
        COOPERATION_BASE_TRANSITIONS[input.action].label,
        COOPERATION_BASE_STATUS_LABELS[base.status],
      );
    if (base.version !== input.version) throw baseChanged();
    if (input.action === 'RECOGNISE') {
      const problems = await this.documentViolations(ctx.db, base.allianceId, input.recognitionDocumentId!);
      if (problems.length) throw badInput(problems);
    } else if (base.recognisedOn && on < base.recognisedOn)
      throw badInput([
        violation('revokedOn', 'AFTER_RECOGNITION', `撤销日期不能早于认定日期（${base.recognisedOn}）`),
      ]);
    const changed = await this.repository.updateBase(
      ctx.db,
      base.id,
      { version: base.version, status: base.status },
      input.action === 'RECOGNISE'
        ? { status: next, recognisedOn: on, recognitionDocumentId: input.recognitionDocumentId! }
        : { status: next, revokedOn: on, revocationReason: reason },
    );
    if (!changed) throw baseChanged();
    await this.audit.record(ctx.db, {
      action: `cooperation_base.${input.action.toLowerCase()}`,
      subjectType: 'cooperation_base',
      subjectId: base.id,
      before: { status: base.status, version: base.version },
      after:
        input.action === 'RECOGNISE'
          ? { status: next, recognisedOn: on, recognitionDocumentId: input.recognitionDocumentId }
          : { status: next, revokedOn: on, reason },
    });
    return this.base(ctx.db, base.id);
  }

  /** The periodic evaluation (or the re-evaluation in rectification) and what its grade does. */
  async evaluate(
    ctx: RequestContext,
    viewer: Viewer,
    input: BaseEvaluationInput,
  ): Promise<CooperationBaseRecord> {
    requireStaff(viewer);
    const today = chinaDate(this.clock.now());
    const v: FieldViolation[] = [];
    input.sheets.forEach((sheet, i) => {
      const keys = sheet.scores.map((x) => x.key);
      if (new Set(keys).size !== keys.length)
        v.push(violation(`sheets.${i}.scores`, 'DUPLICATE', '同一指标只能评一次分'));
      if ([...sheet.expertName.trim()].length > EXPERT_NAME_MAX)
        v.push(violation(`sheets.${i}.expertName`, 'TOO_LONG', `专家姓名不超过 ${EXPERT_NAME_MAX} 字`));
    });
    const sheets: EvaluationSheet[] = input.sheets.map((sheet) => ({
      expertName: sheet.expertName.trim(),
      scores: Object.fromEntries(sheet.scores.map((x) => [x.key, x.score])),
    }));
    const evaluation: BaseEvaluation = {
      year: input.year,
      evaluatedOn: input.evaluatedOn.trim(),
      sheets,
      remarks: input.remarks.trim(),
    };
    const base = actOn(await this.repository.base(ctx.db, input.baseId, true));
    const status = base.status;
    if (!baseEvaluable(status)) throw baseTransitionRefused('评估', COOPERATION_BASE_STATUS_LABELS[status]);
    const periodicYears = (await this.repository.evaluationsOf(ctx.db, [base.id]))
      .filter((e) => e.statusBefore === 'RECOGNISED')
      .map((e) => e.year);
    v.push(...baseEvaluationViolations(base, evaluation, [], today));
    if (v.length) throw badInput(v);
    if (base.version !== input.version) throw baseChanged();
    // Checked after the base is locked: two evaluations of one year cannot both pass it.
    if (status === 'RECOGNISED' && periodicYears.includes(evaluation.year))
      throw baseAlreadyEvaluated(evaluation.year);

    const outcome = baseEvaluationOutcome({ status, type: base.type }, sheets, evaluation.evaluatedOn);
    const revoked = outcome.statusAfter === 'REVOKED';
    // Recorded first, against the status it evaluated (the database checks that status).
    const evaluationId = await this.repository.insertEvaluation(ctx.db, {
      tenantId: base.tenantId,
      baseId: base.id,
      year: evaluation.year,
      evaluatedOn: evaluation.evaluatedOn,
      scheme: baseEvaluationScheme(base.type),
      sheets,
      total: outcome.total.toFixed(2),
      grade: outcome.grade,
      statusBefore: status,
      statusAfter: outcome.statusAfter,
      remarks: evaluation.remarks,
      recordedBy: viewer.userId,
    });
    const moved = await this.repository.moveByEvaluation(
      ctx.db,
      base.id,
      { version: base.version, status: base.status },
      {
        status: outcome.statusAfter,
        rectificationDueOn: outcome.rectificationDueOn,
        revokedOn: revoked ? evaluation.evaluatedOn : null,
        revocationReason: revoked ? outcome.reason : null,
      },
    );
    if (!moved) throw baseChanged();
    if (outcome.rectificationDueOn)
      await this.jobs.schedule(ctx.db, {
        tenantId: base.tenantId,
        kind: BASE_RECTIFICATION_DEADLINE_JOB,
        key: `${base.id}:${outcome.rectificationDueOn}`,
        payload: { baseId: base.id, dueOn: outcome.rectificationDueOn },
        runAt: startOfChinaDay(dayAfter(outcome.rectificationDueOn)),
      });
    await this.audit.record(ctx.db, {
      action: 'cooperation_base.evaluate',
      subjectType: 'cooperation_base',
      subjectId: base.id,
      before: { status: base.status, version: base.version },
      after: {
        evaluationId,
        year: evaluation.year,
        total: outcome.total,
        grade: outcome.grade,
        status: outcome.statusAfter,
        reason: outcome.reason,
        rectificationDueOn: outcome.rectificationDueOn,
      },
    });
    return this.base(ctx.db, base.id);
  }

  /** The rectification period is over: the bureau is told a re-evaluation is due. */
  async onRectificationDeadline(db: EntityManager, job: Job): Promise<void> {
    const { baseId, dueOn } = job.payload;
    if (typeof baseId !== 'string' || typeof dueOn !== 'string') throw new Error(`malformed job ${job.key}`);
    const base = await this.repository.base(db, baseId);
    if (!base || base.status !== 'RECTIFYING' || base.rectificationDueOn !== dueOn) return;
    await this.messages.post(db, {
      // The register is the home bureau's: its staff, whichever tier it is.
      to: {
        tenantId: base.tenantId,
        roles: ['PROVINCE_ADMIN', 'PROVINCE_OFFICER', 'CITY_ADMIN', 'CITY_OFFICER'],
      },
      kind: 'DEADLINE_SOON',
      title: '国际合作基地整改期满',
      body: `「${base.name}」的整改期限已于 ${dueOn} 届满，请组织复评：复评仍不合格的撤销认定。`,
      link: '/international/bases',
      subjectType: 'cooperation_base',
      subjectId: base.id,
      dedupeKey: `cooperation_base.rectification:${base.id}:${dueOn}`,
    });
  }

  async base(db: EntityManager, id: string): Promise<CooperationBaseRecord> {
    const base = actOn(await this.repository.base(db, id));
    return { ...base, evaluations: await this.repository.evaluationsOf(db, [base.id]) };
  }

  async bases(db: EntityManager, filter: BaseFilter): Promise<[CooperationBaseRecord[], number]> {
    const [rows, total] = await this.repository.bases(db, filter);
    const evaluations = await this.repository.evaluationsOf(
      db,
      rows.map((r) => r.id),
    );
    return [rows.map((r) => ({ ...r, evaluations: evaluations.filter((e) => e.baseId === r.id) })), total];
  }

  async project(db: EntityManager, id: string): Promise<InternationalProjectRow> {
    return actOn(await this.repository.project(db, id));
  }

  projects(
    db: EntityManager,
    filter: InternationalProjectFilter,
  ): Promise<[InternationalProjectRow[], number]> {
    return this.repository.projects(db, filter);
  }

  /** The recognition document is one the base's alliance uploaded (what the register may cite). */
  private async documentViolations(
    db: EntityManager,
    allianceId: string,
    documentId: string,
  ): Promise<FieldViolation[]> {
    const own = isId(documentId) ? await this.documents.belongingTo(db, allianceId, [documentId]) : [];
    return own.length
      ? []
      : [violation('recognitionDocumentId', 'NOT_ALLIANCE_DOCUMENT', '认定文件须是该联盟已上传的文件')];
  }
}

function revocationViolations(on: string, reason: string, today: string): FieldViolation[] {
  const v: FieldViolation[] = [];
  if (!isCalendarDate(on)) v.push(violation('revokedOn', 'DATE', '请填写撤销日期（YYYY-MM-DD）'));
  else if (on > today) v.push(violation('revokedOn', 'NOT_FUTURE', '撤销日期不能晚于今天'));
  if (reason === '') v.push(violation('reason', 'REQUIRED', '请填写撤销理由'));
  else if ([...reason].length > REASON_MAX)
    v.push(violation('reason', 'TOO_LONG', `撤销理由不超过 ${REASON_MAX} 字`));
  else if (checkControlCharacters(reason))
    v.push(violation('reason', 'CONTROL_CHARACTER', '不能包含控制字符'));
  return v;
}
