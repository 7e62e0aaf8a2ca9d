import { Injectable } from '@nestjs/common';
import {
  availableActions,
  chinaDate,
  claimViolations,
  COMPENSABLE_FORMS,
  COMPENSATION_CLAIM_WORKFLOW,
  type CompensationClaimAction,
  type CompensationClaimState,
  compensationActorsOf,
  type CompensationDecisionBasis,
  type FieldViolation,
  type FinancingForm,
  financingNeedViolations,
  financingRecordViolations,
  FINANCING_NEED_STATUS_LABELS,
  INTRODUCTION_OUTCOME_LABELS,
  type IntroductionOutcome,
  isCalendarDate,
  isFinancialInstitution,
  isStaff,
  linkageWithdrawalViolations,
} from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { actOn, isId, ownRecord, requireStaff } from '../../common/access/access';
import { Clock } from '../../common/clock';
import { staleEdit } from '../../common/errors/stale-edit';
import { AppError, badInput, violation } from '../../common/errors/app-error';
import { sqlState, UNIQUE_VIOLATION } from '../../common/errors/database-errors';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { ApplicationEngine } from '../applications/application-engine';
import { AuditService } from '../audit/audit.service';
import { CompensationClaimKind } from './compensation-claim.kind';
import { claimAlreadyOpen, financeRefusalOf, introductionChanged, needClosed } from './finance.errors';
import {
  type ClaimRow,
  type EventRow,
  FinanceRepository,
  type FinancingRecordRow,
  type IntroductionRow,
  type LinkageInstitutionRow,
  type NeedRow,
  type StatisticsRow,
} from './finance.repository';

export type NeedInput = {
  allianceId: string;
  organizationId: string;
  amountFen: string;
  purpose: string;
  termMonths: number;
  preferredForm: string;
  postedOn: string;
  inLinkageProgramme: boolean;
};

export type EventInput = {
  title: string;
  heldOn: string;
  organizer: string;
  institutionIds: string[];
  enterpriseIds: string[];
  note: string;
};

export type RecordInput = {
  form: string;
  institutionId: string;
  organizationId: string;
  allianceId: string;
  needId?: string | null;
  amountFen: string;
  grantedOn: string;
  termMonths?: number | null;
  rateBasisPoints?: number | null;
  registeredOn?: string | null;
};

export type ClaimView = ClaimRow & {
  actions: CompensationClaimAction[];
  /** While the claim is under way: what approving it today would pay. */
  preview: CompensationDecisionBasis | null;
};

export type NeedView = NeedRow & { introductions: IntroductionRow[] };

const TITLE_MAX = 100;
const NOTE_MAX = 2000;
const OUTCOMES = Object.keys(INTRODUCTION_OUTCOME_LABELS) as IntroductionOutcome[];

function dateRules(v: FieldViolation[], field: string, value: string, today: string, label: string): void {
  if (!isCalendarDate(value)) v.push(violation(field, 'CALENDAR_DATE', '应为有效日期（YYYY-MM-DD）'));
  else if (value > today) v.push(violation(field, 'NOT_FUTURE', `${label}不能晚于今天（${today}）`));
}

function textRule(v: FieldViolation[], field: string, value: string, max: number, label: string): void {
  if (!value) v.push(violation(field, 'REQUIRED', `请填写${label}`));
  else if ([...value].length > max) v.push(violation(field, 'TOO_LONG', `${label}不超过 ${max} 字`));
}

/**
 * Finance linkage (Art. 17): the province's linkage programme, financing needs of alliance
 * enterprises and who may see them, matchmaking, financing records, risk compensation claims on
 * the application engine with their ledger, and the statistics. The bureau that keeps the
 * alliance enters everything; the database holds visibility, membership and the ceiling again.
 */
@Injectable()
export class FinanceService {
  constructor(
    private readonly finance: FinanceRepository,
    private readonly engine: ApplicationEngine,
    private readonly kind: CompensationClaimKind,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private today(): string {
    return chinaDate(this.clock.now());
  }

  linkageInstitutions(db: EntityManager): Promise<LinkageInstitutionRow[]> {
    return this.finance.linkageInstitutions(db);
  }

  /** The province enrols an institution in its linkage programme. */
  async enrolLinkageInstitution(
    ctx: RequestContext,
    viewer: Viewer,
    input: { organizationId: string; enrolledOn: string },
  ): Promise<LinkageInstitutionRow> {
    requireStaff(viewer);
    if (viewer.tenantLevel !== 'PROVINCE') throw new AppError('FORBIDDEN', {}, '融资对接计划由省厅管理');
    const v: FieldViolation[] = [];
    dateRules(v, 'enrolledOn', input.enrolledOn.trim(), this.today(), '加入日期');
    const organization = await this.finance.organizationType(ctx.db, input.organizationId);
    if (!organization) v.push(violation('organizationId', 'NOT_FOUND', '请从单位名录中选择机构'));
    else if (!isFinancialInstitution(organization.type))
      v.push(violation('organizationId', 'NOT_AN_INSTITUTION', '应为银行、创业投资、融资担保或保险机构'));
    if (v.length) throw badInput(v);
    let id: string;
    try {
      id = await this.finance.insertLinkageInstitution(ctx.db, {
        tenantId: viewer.tenantId,
        organizationId: input.organizationId,
        enrolledOn: input.enrolledOn.trim(),
        createdBy: viewer.userId,
      });
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION)
        throw badInput([violation('organizationId', 'UNIQUE', '该机构已在融资对接计划中')]);
      throw financeRefusalOf(error) ?? error;
    }
    await this.audit.record(ctx.db, {
      action: 'finance.linkage_institution.enrol',
      subjectType: 'finance_linkage_institution',
      subjectId: id,
      after: { organizationId: input.organizationId, enrolledOn: input.enrolledOn.trim() },
    });
    return actOn((await this.finance.linkageInstitutions(ctx.db)).find((l) => l.id === id));
  }

  /**
   * An institution leaves the province's linkage programme (it asked, or the province acts for it):
   * the enrolment is kept with its day and reason, and from that day the institution no longer sees
   * needs shared through the programme (the database's finance_need_visible_to).
   */
  async withdrawLinkageInstitution(
    ctx: RequestContext,
    viewer: Viewer,
    input: { id: string; withdrawnOn: string; reason: string },
  ): Promise<LinkageInstitutionRow> {
    requireStaff(viewer);
    if (viewer.tenantLevel !== 'PROVINCE') throw new AppError('FORBIDDEN', {}, '融资对接计划由省厅管理');
    const enrolment = ownRecord(viewer, await this.finance.linkageInstitutionForUpdate(ctx.db, input.id));
    const withdrawal = { withdrawnOn: input.withdrawnOn.trim(), reason: input.reason.trim() };
    const v = linkageWithdrawalViolations(withdrawal, enrolment, this.today());
    if (v.length) throw badInput(v);
    const withdrawn = await this.finance.withdrawLinkageInstitution(ctx.db, {
      id: enrolment.id,
      ...withdrawal,
      withdrawnBy: viewer.userId,
    });
    // The row is locked above, so only a withdrawal that raced in before the lock lands here.
    if (!withdrawn) throw badInput([violation('id', 'ALREADY_WITHDRAWN', '该机构已退出融资对接计划')]);
    await this.audit.record(ctx.db, {
      action: 'finance.linkage_institution.withdraw',
      subjectType: 'finance_linkage_institution',
      subjectId: enrolment.id,
      before: {
        organizationId: enrolment.organizationId,
        enrolledOn: enrolment.enrolledOn,
        withdrawnOn: null,
      },
      after: { organizationId: enrolment.organizationId, ...withdrawal },
    });
    return actOn((await this.finance.linkageInstitutions(ctx.db)).find((l) => l.id === enrolment.id));
  }

  async needs(
    db: EntityManager,
    filter: { status?: string | null; allianceId?: string | null; institutionId?: string | null },
  ): Promise<NeedView[]> {
    const problems: FieldViolation[] = [];
    if (filter.status && !Object.hasOwn(FINANCING_NEED_STATUS_LABELS, filter.status))
      problems.push(violation('status', 'ONE_OF', '没有这一状态'));
    if (filter.allianceId && !isId(filter.allianceId))
      problems.push(violation('allianceId', 'NOT_FOUND', '联盟不存在'));
    if (filter.institutionId && !isId(filter.institutionId))
      problems.push(violation('institutionId', 'NOT_FOUND', '机构不存在'));
    if (problems.length) throw badInput(problems);
    const needs = await this.finance.needs(db, { ...filter, on: this.today() });
    return this.withIntroductions(db, needs);
  }

  async need(db: EntityManager, id: string): Promise<NeedView> {
    const [need] = await this.withIntroductions(db, [actOn(await this.finance.need(db, id))]);
    return need!;
  }

  private async withIntroductions(db: EntityManager, needs: NeedRow[]): Promise<NeedView[]> {
    const introductions = await this.finance.introductionsOf(
      db,
      needs.map((n) => n.id),
    );
    return needs.map((n) => ({ ...n, introductions: introductions.filter((i) => i.needId === n.id) }));
  }

  /** Posts a need of an alliance member enterprise (the bureau enters it for the enterprise). */
  async postNeed(ctx: RequestContext, viewer: Viewer, input: NeedInput): Promise<NeedView> {
    requireStaff(viewer);
    const need = {
      amountFen: input.amountFen.trim(),
      purpose: input.purpose.trim(),
      termMonths: input.termMonths,
      preferredForm: input.preferredForm,
      postedOn: input.postedOn.trim(),
    };
    const today = this.today();
    const v = financingNeedViolations(need);
    if (!v.some((x) => x.field === 'postedOn') && need.postedOn > today)
      v.push(violation('postedOn', 'NOT_FUTURE', `发布日期不能晚于今天（${today}）`));
    const alliance = await this.finance.alliance(ctx.db, input.allianceId);
    if (!alliance || alliance.tenantId !== viewer.tenantId)
      v.push(violation('allianceId', 'NOT_FOUND', '请选择本单位登记的联盟'));
    const organization = await this.finance.organizationType(ctx.db, input.organizationId);
    if (!organization) v.push(violation('organizationId', 'NOT_FOUND', '请从联盟成员中选择企业'));
    else if (organization.type !== 'ENTERPRISE')
      v.push(violation('organizationId', 'NOT_AN_ENTERPRISE', '融资需求应由企业提出'));
    else if (
      alliance &&
      isCalendarDate(need.postedOn) &&
      !(await this.finance.isMember(ctx.db, alliance.id, organization.id, need.postedOn))
    )
      v.push(violation('organizationId', 'NOT_A_MEMBER', '该企业在发布日期不是联盟成员单位'));
    if (v.length) throw badInput(v);
    let id: string;
    try {
      id = await this.finance.insertNeed(ctx.db, {
        tenantId: viewer.tenantId,
        allianceId: input.allianceId,
        organizationId: input.organizationId,
        amountFen: BigInt(need.amountFen).toString(),
        purpose: need.purpose,
        termMonths: need.termMonths,
        preferredForm: need.preferredForm as FinancingForm,
        postedOn: need.postedOn,
        inLinkageProgramme: input.inLinkageProgramme,
        createdBy: viewer.userId,
      });
    } catch (error) {
      throw financeRefusalOf(error) ?? error;
    }
    await this.audit.record(ctx.db, {
      action: 'finance.need.post',
      subjectType: 'financing_need',
      subjectId: id,
      after: {
        ...need,
        allianceId: input.allianceId,
        organizationId: input.organizationId,
        inLinkageProgramme: input.inLinkageProgramme,
      },
    });
    return this.need(ctx.db, id);
  }

  /** Closes a need, or shares it with (or withdraws it from) the province's linkage programme. */
  async changeNeed(
    ctx: RequestContext,
    viewer: Viewer,
    input: { id: string; version: number; close?: boolean | null; inLinkageProgramme?: boolean | null },
  ): Promise<NeedView> {
    requireStaff(viewer);
    const need = ownRecord(viewer, await this.finance.need(ctx.db, input.id));
    // A stale base is a CONFLICT naming who changed the need, even when that change closed it.
    if (need.version !== input.version) throw await staleEdit(ctx.db, 'financing_need', need.id, '融资需求');
    if (need.status === 'CLOSED') throw needClosed();
    const moved = await this.finance.updateNeed(ctx.db, need.id, input.version, {
      status: input.close ? 'CLOSED' : undefined,
      inLinkageProgramme: input.inLinkageProgramme ?? undefined,
    });
    if (!moved) throw await staleEdit(ctx.db, 'financing_need', need.id, '融资需求');
    await this.audit.record(ctx.db, {
      action: input.close ? 'finance.need.close' : 'finance.need.share',
      subjectType: 'financing_need',
      subjectId: need.id,
      before: { status: need.status, inLinkageProgramme: need.inLinkageProgramme },
      after: {
        close: Boolean(input.close),
        inLinkageProgramme: input.inLinkageProgramme ?? need.inLinkageProgramme,
      },
    });
    return this.need(ctx.db, need.id);
  }

  events(db: EntityManager): Promise<EventRow[]> {
    return this.finance.events(db);
  }

  async recordEvent(ctx: RequestContext, viewer: Viewer, input: EventInput): Promise<EventRow> {
    requireStaff(viewer);
    const e = {
      title: input.title.trim(),
      heldOn: input.heldOn.trim(),
      organizer: input.organizer.trim(),
      note: input.note.trim(),
    };
    const v: FieldViolation[] = [];
    textRule(v, 'title', e.title, TITLE_MAX, '活动名称');
    textRule(v, 'organizer', e.organizer, TITLE_MAX, '主办单位');
    if ([...e.note].length > NOTE_MAX) v.push(violation('note', 'TOO_LONG', `备注不超过 ${NOTE_MAX} 字`));
    if (!isCalendarDate(e.heldOn)) v.push(violation('heldOn', 'CALENDAR_DATE', '应为有效日期（YYYY-MM-DD）'));
    await this.participants(
      ctx.db,
      v,
      'institutionIds',
      input.institutionIds,
      isFinancialInstitution,
      '金融机构',
    );
    await this.participants(
      ctx.db,
      v,
      'enterpriseIds',
      input.enterpriseIds,
      (t) => t === 'ENTERPRISE',
      '企业',
    );
    if (v.length) throw badInput(v);
    let id: string;
    try {
      id = await this.finance.insertEvent(ctx.db, {
        tenantId: viewer.tenantId,
        ...e,
        institutionIds: input.institutionIds,
        enterpriseIds: input.enterpriseIds,
        createdBy: viewer.userId,
      });
    } catch (error) {
      throw financeRefusalOf(error) ?? error;
    }
    await this.audit.record(ctx.db, {
      action: 'finance.event.record',
      subjectType: 'financing_event',
      subjectId: id,
      after: { ...e, institutionIds: input.institutionIds, enterpriseIds: input.enterpriseIds },
    });
    return actOn((await this.finance.events(ctx.db, id))[0]);
  }

  private async participants(
    db: EntityManager,
    v: FieldViolation[],
    field: string,
    ids: string[],
    typeHolds: (type: string) => boolean,
    label: string,
  ): Promise<void> {
    if (ids.length === 0) {
      v.push(violation(field, 'REQUIRED', `请至少选择一家${label}`));
      return;
    }
    if (ids.length > 200) {
      v.push(violation(field, 'TOO_MANY', `最多 200 家${label}`));
      return;
    }
    if (new Set(ids).size !== ids.length) v.push(violation(field, 'DUPLICATE', `同一${label}只能列出一次`));
    const valid = ids.filter(isId);
    const found = new Map((await this.finance.organizationsOf(db, valid)).map((o) => [o.id, o.type]));
    ids.forEach((id, i) => {
      const type = found.get(id);
      if (type === undefined) v.push(violation(`${field}.${i}`, 'NOT_FOUND', '请从单位名录中选择'));
      else if (!typeHolds(type)) v.push(violation(`${field}.${i}`, 'WRONG_TYPE', `应为${label}`));
    });
  }

  /** Introduces an institution to a need: the database refuses one that may not see it. */
  async introduce(
    ctx: RequestContext,
    viewer: Viewer,
    input: { needId: string; institutionId: string; eventId?: string | null; introducedOn: string },
  ): Promise<NeedView> {
    requireStaff(viewer);
    const introducedOn = input.introducedOn.trim();
    const v: FieldViolation[] = [];
    dateRules(v, 'introducedOn', introducedOn, this.today(), '对接日期');
    const institution = await this.finance.organizationType(ctx.db, input.institutionId);
    if (!institution) v.push(violation('institutionId', 'NOT_FOUND', '请从单位名录中选择机构'));
    else if (!isFinancialInstitution(institution.type))
      v.push(violation('institutionId', 'NOT_AN_INSTITUTION', '应为银行、创业投资、融资担保或保险机构'));
    if (input.eventId && !(await this.finance.events(ctx.db, input.eventId))[0])
      v.push(violation('eventId', 'NOT_FOUND', '对接活动不存在'));
    if (v.length) throw badInput(v);
    const need = ownRecord(viewer, await this.finance.need(ctx.db, input.needId));
    if (need.status === 'CLOSED') throw needClosed();
    if (introducedOn < need.postedOn)
      throw badInput([
        violation('introducedOn', 'NOT_BEFORE_NEED', `对接日期不能早于需求发布日期（${need.postedOn}）`),
      ]);
    let id: string;
    try {
      id = await this.finance.insertIntroduction(ctx.db, {
        tenantId: need.tenantId,
        needId: need.id,
        institutionId: input.institutionId,
        eventId: input.eventId ?? null,
        introducedOn,
        createdBy: viewer.userId,
      });
    } catch (error) {
      throw financeRefusalOf(error) ?? error;
    }
    await this.audit.record(ctx.db, {
      action: 'finance.introduction.record',
      subjectType: 'financing_need',
      subjectId: need.id,
      after: {
        introductionId: id,
        institutionId: input.institutionId,
        eventId: input.eventId ?? null,
        introducedOn,
      },
    });
    return this.need(ctx.db, need.id);
  }

  /** Records the institution's answer to an introduction. */
  async answer(
    ctx: RequestContext,
    viewer: Viewer,
    input: { id: string; version: number; outcome: string; outcomeOn: string; note: string },
  ): Promise<NeedView> {
    requireStaff(viewer);
    const outcomeOn = input.outcomeOn.trim();
    const note = input.note.trim();
    const v: FieldViolation[] = [];
    if (!OUTCOMES.includes(input.outcome as IntroductionOutcome) || input.outcome === 'PENDING')
      v.push(violation('outcome', 'ONE_OF', '请选择有意向、不予支持或已放款/投资'));
    dateRules(v, 'outcomeOn', outcomeOn, this.today(), '答复日期');
    if ([...note].length > NOTE_MAX) v.push(violation('note', 'TOO_LONG', `说明不超过 ${NOTE_MAX} 字`));
    if (v.length) throw badInput(v);
    const introduction = ownRecord(viewer, await this.finance.introduction(ctx.db, input.id));
    if (outcomeOn < introduction.introducedOn)
      throw badInput([
        violation(
          'outcomeOn',
          'NOT_BEFORE_INTRODUCTION',
          `答复日期不能早于对接日期（${introduction.introducedOn}）`,
        ),
      ]);
    if (introduction.version !== input.version) throw introductionChanged();
    const moved = await this.finance.answerIntroduction(ctx.db, introduction.id, input.version, {
      outcome: input.outcome,
      outcomeOn,
      note,
    });
    if (!moved) throw introductionChanged();
    await this.audit.record(ctx.db, {
      action: 'finance.introduction.answer',
      subjectType: 'financing_need',
      subjectId: introduction.needId,
      before: { introductionId: introduction.id, outcome: introduction.outcome },
      after: { introductionId: introduction.id, outcome: input.outcome, outcomeOn, note },
    });
    return this.need(ctx.db, introduction.needId);
  }

  records(
    db: EntityManager,
    filter: { form?: string | null; needId?: string | null },
  ): Promise<FinancingRecordRow[]> {
    return this.finance.records(db, filter);
  }

  /** Records financing obtained; a need it answers is marked met. */
  async recordFinancing(
    ctx: RequestContext,
    viewer: Viewer,
    input: RecordInput,
  ): Promise<FinancingRecordRow> {
    requireStaff(viewer);
    const record = {
      form: input.form,
      amountFen: input.amountFen.trim(),
      grantedOn: input.grantedOn.trim(),
      termMonths: input.termMonths ?? null,
      rateBasisPoints: input.rateBasisPoints ?? null,
      registeredOn: input.registeredOn?.trim() || null,
    };
    const today = this.today();
    const v = financingRecordViolations(record);
    if (!v.some((x) => x.field === 'grantedOn') && record.grantedOn > today)
      v.push(violation('grantedOn', 'NOT_FUTURE', `放款（投资）日期不能晚于今天（${today}）`));
    if (record.registeredOn && !v.some((x) => x.field === 'registeredOn') && record.registeredOn > today)
      v.push(violation('registeredOn', 'NOT_FUTURE', `备案日期不能晚于今天（${today}）`));
    const institution = await this.finance.organizationType(ctx.db, input.institutionId);
    if (!institution) v.push(violation('institutionId', 'NOT_FOUND', '请从单位名录中选择机构'));
    else if (!isFinancialInstitution(institution.type))
      v.push(violation('institutionId', 'NOT_AN_INSTITUTION', '应为银行、创业投资、融资担保或保险机构'));
    const alliance = await this.finance.alliance(ctx.db, input.allianceId);
    if (!alliance || alliance.tenantId !== viewer.tenantId)
      v.push(violation('allianceId', 'NOT_FOUND', '请选择本单位登记的联盟'));
    const enterprise = await this.finance.organizationType(ctx.db, input.organizationId);
    if (!enterprise) v.push(violation('organizationId', 'NOT_FOUND', '请从联盟成员中选择企业'));
    else if (enterprise.type !== 'ENTERPRISE')
      v.push(violation('organizationId', 'NOT_AN_ENTERPRISE', '应为企业'));
    else if (
      alliance &&
      isCalendarDate(record.grantedOn) &&
      !(await this.finance.isMember(ctx.db, alliance.id, enterprise.id, record.grantedOn))
    )
      v.push(violation('organizationId', 'NOT_A_MEMBER', '该企业在放款（投资）日期不是联盟成员单位'));
    let need: NeedRow | null = null;
    if (input.needId) {
      need = await this.finance.need(ctx.db, input.needId);
      if (!need || need.tenantId !== viewer.tenantId)
        v.push(violation('needId', 'NOT_FOUND', '融资需求不存在'));
      else if (need.organizationId !== input.organizationId || need.allianceId !== input.allianceId)
        v.push(violation('needId', 'OTHER_ENTERPRISE', '该融资需求不是这家企业在该联盟提出的'));
      else if (need.status === 'CLOSED') v.push(violation('needId', 'NEED_CLOSED', '该融资需求已关闭'));
    }
    if (v.length) throw badInput(v);
    let id: string;
    try {
      id = await this.finance.insertRecord(ctx.db, {
        tenantId: viewer.tenantId,
        form: record.form as FinancingForm,
        institutionId: input.institutionId,
        organizationId: input.organizationId,
        allianceId: input.allianceId,
        needId: need?.id ?? null,
        amountFen: BigInt(record.amountFen).toString(),
        grantedOn: record.grantedOn,
        termMonths: record.termMonths,
        rateBasisPoints: record.rateBasisPoints,
        registeredOn: record.registeredOn,
        recordedBy: viewer.userId,
      });
    } catch (error) {
      throw financeRefusalOf(error) ?? error;
    }
    if (need) await this.finance.markNeedMet(ctx.db, need.id);
    await this.audit.record(ctx.db, {
      action: 'finance.record.record',
      subjectType: 'financing_record',
      subjectId: id,
      after: {
        ...record,
        institutionId: input.institutionId,
        organizationId: input.organizationId,
        allianceId: input.allianceId,
        needId: need?.id ?? null,
      },
    });
    return actOn(await this.finance.record(ctx.db, id));
  }

  async claims(db: EntityManager, viewer: Viewer, state?: string | null): Promise<ClaimView[]> {
    if (state && !Object.hasOwn(COMPENSATION_CLAIM_WORKFLOW.states, state))
      throw badInput([violation('state', 'ONE_OF', '没有这一状态')]);
    const rows = await this.finance.claims(db, state);
    return Promise.all(rows.map((row) => this.claimView(db, viewer, row)));
  }

  async claim(db: EntityManager, viewer: Viewer, id: string): Promise<ClaimView> {
    return this.claimView(db, viewer, actOn(await this.finance.claim(db, id)));
  }

  private async claimView(db: EntityManager, viewer: Viewer, row: ClaimRow): Promise<ClaimView> {
    const state = row.state as CompensationClaimState;
    const actors = compensationActorsOf(viewer, row.tenantId);
    const preview =
      state === 'FILED' && actors.length
        ? await this.kind.figures(
            db,
            viewer,
            {
              institutionId: row.institutionId,
              dossier: { defaultedOn: row.defaultedOn, principalLostFen: row.principalLostFen },
            },
            this.clock.now(),
            false,
          )
        : null;
    return {
      ...row,
      actions: availableActions(COMPENSATION_CLAIM_WORKFLOW, state, actors),
      preview,
    };
  }

  /** Files a claim on a defaulted loan registered within the scheme's filing window. */
  async fileClaim(
    ctx: RequestContext,
    viewer: Viewer,
    input: { financingRecordId: string; defaultedOn: string; principalLostFen: string },
  ): Promise<ClaimView> {
    requireStaff(viewer);
    const claim = { defaultedOn: input.defaultedOn.trim(), principalLostFen: input.principalLostFen.trim() };
    const record = await this.finance.record(ctx.db, input.financingRecordId);
    const today = this.today();
    if (!record || record.tenantId !== viewer.tenantId || !isStaff(viewer.roles))
      throw badInput([violation('financingRecordId', 'NOT_FOUND', '请选择本单位登记的贷款')]);
    // The window of the parameters in force on the day the loan was registered.
    const inForce = await this.kind.schemeOn(ctx.db, viewer, record.registeredOn ?? record.grantedOn);
    const v = claimViolations(
      {
        form: record.form,
        amountFen: record.amountFen,
        grantedOn: record.grantedOn,
        registeredOn: COMPENSABLE_FORMS.includes(record.form) ? record.registeredOn : null,
      },
      claim,
      inForce,
      today,
    );
    if (v.length) throw badInput(v);
    let id: string;
    try {
      id = await this.finance.insertClaim(ctx.db, {
        tenantId: viewer.tenantId,
        financingRecordId: record.id,
        institutionId: record.institutionId,
        dossier: {
          defaultedOn: claim.defaultedOn,
          principalLostFen: BigInt(claim.principalLostFen).toString(),
        },
        filedOn: today,
        createdBy: viewer.userId,
      });
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION) throw claimAlreadyOpen();
      throw financeRefusalOf(error) ?? error;
    }
    await this.audit.record(ctx.db, {
      action: 'compensation_claim.file',
      subjectType: 'compensation_claim',
      subjectId: id,
      after: { state: 'FILED', financingRecordId: record.id, ...claim },
    });
    return this.claim(ctx.db, viewer, id);
  }

  /**
   * One step of a claim on the engine. An approval writes its payout to the ledger in the same
   * transaction, after the claim is APPROVED (which the ledger requires); the database refuses a
   * payout past the bank's yearly ceiling.
   */
  async transitionClaim(
    ctx: RequestContext,
    viewer: Viewer,
    request: { id: string; action: CompensationClaimAction; version: number; text: string },
  ): Promise<ClaimView> {
    const claim = await this.engine.transition(ctx.db, viewer, this.kind, request);
    if (request.action === 'APPROVE') {
      const basis = claim.decisionBasis!;
      try {
        await this.finance.insertPayout(ctx.db, {
          tenantId: claim.tenantId,
          claimId: claim.id,
          institutionId: claim.institutionId,
          ceilingYear: basis.ceilingYear,
          amountFen: basis.amountFen,
          ceilingFen: basis.perBankYearlyCeilingFen,
          entryOn: this.today(),
          recordedBy: viewer.userId,
        });
      } catch (error) {
        throw financeRefusalOf(error) ?? error;
      }
      await this.audit.record(ctx.db, {
        action: 'compensation_claim.payout',
        subjectType: 'compensation_claim',
        subjectId: claim.id,
        after: { amountFen: basis.amountFen, ceilingYear: basis.ceilingYear, basis },
      });
    }
    return this.claim(ctx.db, viewer, claim.id);
  }

  statistics(db: EntityManager, viewer: Viewer, year: number | null): Promise<StatisticsRow[]> {
    requireStaff(viewer);
    if (year !== null && !(Number.isInteger(year) && year >= 2016 && year <= 2100))
      throw badInput([violation('year', 'INTEGER_RANGE', '年度应在 2016–2100 之间')]);
    return this.finance.statistics(db, year);
  }
}
