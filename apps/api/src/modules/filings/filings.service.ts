import { Injectable } from '@nestjs/common';
import {
  chinaDate,
  checkControlCharacters as checkControl,
  type FieldViolation,
  FilingDocumentKind,
  type FilingState,
  FILING_WORKFLOW,
  isCalendarDate,
  SignificanceLevel,
  SIGNIFICANCE_MAX_CHARS,
} from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { actOn, requireAdmin } from '../../common/access/access';
import { Clock } from '../../common/clock';
import { AppError, badInput, violation } from '../../common/errors/app-error';
import { staleEdit } from '../../common/errors/stale-edit';
import { groupBy } from '../../common/request/per-request';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import type { TenantEntity } from '../tenants/tenant.entity';
import { TenantsService } from '../tenants/tenants.service';
import type { FilingFilterInput, UpdateFilingInput } from './dto/filing.input';
import type { FilingEntity, FilingObjectionEntity } from './filing.entity';
import { FilingRoundsRepository } from './filing-rounds.repository';
import { type FilingScope, FilingsRepository } from './filings.repository';
import { filingChanged, filingNotWithCity, requireCityStaff } from './filings.errors';

const MAX_ATTACHMENTS = 30;
const SCOPES: readonly FilingScope[] = ['OWN', 'RECEIVED', 'ALL'];
const STATE_ORDER = Object.keys(FILING_WORKFLOW.states) as FilingState[];

/** One city's filings received by the province, counted by state in the workflow's order. */
export type CityFilingCounts = {
  city: TenantEntity;
  total: number;
  byState: { state: FilingState; count: number }[];
};

/** Filings: the city's drafts, what each party reads, objections and the national recommendation. */
@Injectable()
export class FilingsService {
  constructor(
    private readonly filings: FilingsRepository,
    private readonly rounds: FilingRoundsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly tenants: TenantsService,
  ) {}

  /** Whatever row-level security lets the viewer read; anything else is not found. */
  async get(db: EntityManager, id: string): Promise<FilingEntity> {
    return actOn(await this.filings.find(db, id));
  }

  list(db: EntityManager, viewer: Viewer, filter: FilingFilterInput): Promise<FilingEntity[]> {
    const violations: FieldViolation[] = [];
    if (!SCOPES.includes(filter.scope as FilingScope))
      violations.push(violation('filter.scope', 'ONE_OF', '范围只能是 OWN、RECEIVED 或 ALL'));
    if (filter.state && !Object.hasOwn(FILING_WORKFLOW.states, filter.state))
      violations.push(violation('filter.state', 'ONE_OF', '没有这一备案状态'));
    if (violations.length) throw badInput(violations);
    return this.filings.list(db, viewer.tenantId, {
      scope: filter.scope as FilingScope,
      state: (filter.state as FilingState | null) ?? null,
      roundId: filter.roundId ?? null,
    });
  }

  /**
   * For the province's home: each of its cities with the filings it sent upward, by state. Only
   * what the province reads (from submission on); a city with none is listed with nothing.
   */
  async countsByCity(db: EntityManager, viewer: Viewer): Promise<CityFilingCounts[]> {
    // One connection per request runs one statement at a time: two queries in turn.
    const cities = await this.tenants.childrenOf(db, viewer.tenantId);
    const rows = await this.filings.countsByCity(db, viewer.tenantId);
    const byCity = groupBy(
      cities.map((c) => c.id),
      rows,
      (r) => r.tenantId,
    );
    return cities.map((city, i) => {
      const counts = byCity[i] ?? [];
      return {
        city,
        total: counts.reduce((sum, c) => sum + c.count, 0),
        byState: STATE_ORDER.flatMap((state) => {
          const count = counts.find((c) => c.state === state)?.count ?? 0;
          return count ? [{ state, count }] : [];
        }),
      };
    });
  }

  async create(
    ctx: RequestContext,
    viewer: Viewer,
    roundId: string,
    allianceId: string,
  ): Promise<FilingEntity> {
    requireCityStaff(viewer);
    const violations: FieldViolation[] = [];
    const round = await this.rounds.find(ctx.db, roundId);
    if (!round || round.status !== 'PUBLISHED')
      violations.push(violation('roundId', 'NOT_PUBLISHED', '备案批次不存在或尚未发布'));
    const alliance = await this.filings.alliance(ctx.db, allianceId);
    if (!alliance || alliance.alliance.tenantId !== viewer.tenantId)
      violations.push(violation('allianceId', 'NOT_FOUND', '联盟不存在或不属于本单位'));
    if (violations.length || !round || !alliance) throw badInput(violations);
    const id = await this.filings.insertDraft(ctx.db, {
      tenantId: viewer.tenantId,
      allianceId,
      roundId,
      authorityTenantId: round.tenantId,
      createdBy: viewer.userId,
    });
    if (!id) throw new AppError('FILING_ALREADY_OPEN');
    const filing = await this.get(ctx.db, id);
    await this.audit.record(ctx.db, {
      action: 'filing.create',
      subjectType: 'filing',
      subjectId: id,
      after: { state: filing.state, allianceId, roundId },
    });
    return filing;
  }

  async update(ctx: RequestContext, viewer: Viewer, input: UpdateFilingInput): Promise<FilingEntity> {
    requireCityStaff(viewer);
    const filing = await this.get(ctx.db, input.id);
    if (filing.tenantId !== viewer.tenantId) throw new AppError('NOT_FOUND');
    if (!FILING_WORKFLOW.states[filing.state].editable) throw filingNotWithCity();
    const stale = () => staleEdit(ctx.db, 'filing', filing.id, '该备案');
    if (filing.version !== input.version) throw await stale();
    const significance = input.significance.trim();
    const violations: FieldViolation[] = [];
    if ([...significance].length > SIGNIFICANCE_MAX_CHARS)
      violations.push(
        violation('significance', 'TOO_LONG', `重大影响说明不超过 ${SIGNIFICANCE_MAX_CHARS} 字`),
      );
    else if (checkControl(significance))
      violations.push(violation('significance', 'CONTROL_CHARACTER', '重大影响说明不能包含控制字符'));
    const level = input.level ?? null;
    if (level !== null && !Object.hasOwn(SignificanceLevel, level))
      violations.push(violation('level', 'ONE_OF', '影响层级只能是全省或全国'));
    if (input.documents.length > MAX_ATTACHMENTS)
      violations.push(violation('documents', 'MAX_ITEMS', `最多附 ${MAX_ATTACHMENTS} 份材料`));
    input.documents.forEach((d, i) => {
      if (!Object.hasOwn(FilingDocumentKind, d.kind))
        violations.push(violation(`documents.${i}.kind`, 'ONE_OF', '没有这一类备案材料'));
    });
    const pairs = new Set(input.documents.map((d) => `${d.documentId}:${d.kind}`));
    if (pairs.size !== input.documents.length)
      violations.push(violation('documents', 'DUPLICATE', '同一份材料不能重复附上'));
    const found = await this.filings.allianceDocuments(
      ctx.db,
      filing.allianceId,
      input.documents.map((d) => d.documentId),
    );
    input.documents.forEach((d, i) => {
      if (!found.some((f) => f.id === d.documentId))
        violations.push(violation(`documents.${i}.documentId`, 'NOT_FOUND', '材料须为该联盟名录中的文件'));
    });
    if (violations.length) throw badInput(violations);
    const form = { significance, level: level as SignificanceLevel | null };
    if (!(await this.filings.updateForm(ctx.db, filing.id, filing.state, filing.version, form)))
      throw await stale();
    await this.filings.replaceDocuments(
      ctx.db,
      filing,
      input.documents.map((d) => ({ documentId: d.documentId, kind: d.kind as FilingDocumentKind })),
    );
    await this.audit.record(ctx.db, {
      action: 'filing.update',
      subjectType: 'filing',
      subjectId: filing.id,
      before: { significance: filing.significance, level: filing.level },
      after: { ...form, documents: input.documents },
    });
    return this.get(ctx.db, filing.id);
  }

  /**
   * The province's recommendation of a filed alliance for the national programme, with its
   * opinion and date; withdrawn with a reason. Both are audited.
   */
  async recommendNationally(
    ctx: RequestContext,
    viewer: Viewer,
    id: string,
    version: number,
    recommend: boolean,
    text: string,
  ): Promise<FilingEntity> {
    const filing = await this.get(ctx.db, id);
    if (filing.authorityTenantId !== viewer.tenantId) throw new AppError('NOT_FOUND');
    requireAdmin(viewer, '国家层面推荐须由省科技厅管理员决定');
    if (filing.state !== 'FILED') throw new AppError('FILING_NOT_FILED');
    const words = text.trim();
    const field = recommend ? 'opinion' : 'reason';
    if (!words) throw badInput([violation(field, 'REQUIRED', recommend ? '请填写推荐意见' : '请填写理由')]);
    if (words.length > 2000 || checkControl(words))
      throw badInput([violation(field, 'TEXT', '不超过 2000 字，且不能包含控制字符')]);
    if (recommend === (filing.nationalRecommendedAt !== null))
      throw badInput([violation(field, 'UNCHANGED', recommend ? '该联盟已被推荐' : '该联盟尚未被推荐')]);
    if (filing.version !== version) throw filingChanged();
    const now = this.clock.now();
    const ok = await this.filings.setNational(ctx.db, filing, {
      at: recommend ? now : null,
      opinion: recommend ? words : null,
    });
    if (!ok) throw filingChanged();
    await this.audit.record(ctx.db, {
      action: recommend ? 'filing.recommend_national' : 'filing.withdraw_national',
      subjectType: 'filing',
      subjectId: filing.id,
      before: { nationalOpinion: filing.nationalOpinion },
      after: recommend ? { opinion: words } : { reason: words },
    });
    return this.get(ctx.db, filing.id);
  }

  async recordObjection(
    ctx: RequestContext,
    viewer: Viewer,
    input: { filingId: string; receivedOn: string; objector: string; content: string },
  ): Promise<FilingObjectionEntity> {
    const filing = await this.get(ctx.db, input.filingId);
    if (filing.authorityTenantId !== viewer.tenantId) throw new AppError('NOT_FOUND');
    if (filing.state !== 'PUBLICISED') throw new AppError('OBJECTION_OUTSIDE_NOTICE');
    const violations: FieldViolation[] = [];
    const objector = input.objector.trim();
    const content = input.content.trim();
    if (!isCalendarDate(input.receivedOn))
      violations.push(violation('receivedOn', 'CALENDAR_DATE', '应为有效日期（YYYY-MM-DD）'));
    else if (
      input.receivedOn < (filing.noticeStartsOn ?? '') ||
      input.receivedOn > (filing.noticeEndsOn ?? '') ||
      input.receivedOn > chinaDate(this.clock.now())
    )
      violations.push(
        violation(
          'receivedOn',
          'IN_NOTICE',
          `收到日期应在公示期内（${filing.noticeStartsOn} 至 ${filing.noticeEndsOn}）`,
        ),
      );
    if (!objector || objector.length > 100 || checkControl(objector))
      violations.push(violation('objector', 'TEXT', '请填写异议人（不超过 100 字）'));
    if (!content || content.length > 2000 || checkControl(content))
      violations.push(violation('content', 'TEXT', '请填写异议内容（不超过 2000 字）'));
    if (violations.length) throw badInput(violations);
    const id = await this.filings.insertObjection(ctx.db, {
      tenantId: viewer.tenantId,
      filingTenantId: filing.tenantId,
      filingId: filing.id,
      receivedOn: input.receivedOn,
      objector,
      content,
      recordedBy: viewer.userId,
    });
    await this.audit.record(ctx.db, {
      action: 'filing.objection',
      subjectType: 'filing',
      subjectId: filing.id,
      after: { objectionId: id, receivedOn: input.receivedOn, objector },
    });
    return actOn(await this.filings.findObjection(ctx.db, id));
  }

  async answerObjection(
    ctx: RequestContext,
    viewer: Viewer,
    id: string,
    answer: string,
  ): Promise<FilingObjectionEntity> {
    const objection = actOn(await this.filings.findObjection(ctx.db, id));
    const words = answer.trim();
    if (!words || words.length > 2000 || checkControl(words))
      throw badInput([violation('answer', 'TEXT', '请填写答复（不超过 2000 字）')]);
    if (!(await this.filings.answerObjection(ctx.db, objection.id, words, viewer.userId, this.clock.now())))
      throw new AppError('OBJECTION_ANSWERED');
    await this.audit.record(ctx.db, {
      action: 'filing.objection_answer',
      subjectType: 'filing',
      subjectId: objection.filingId,
      after: { objectionId: objection.id },
    });
    return actOn(await this.filings.findObjection(ctx.db, id));
  }
}
