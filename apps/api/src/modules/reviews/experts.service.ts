import { Injectable } from '@nestjs/common';
import { chinaDate, type Expert, isCalendarDate, type FieldViolation } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { actOn, requireStaff } from '../../common/access/access';
import { Clock } from '../../common/clock';
import { AppError, badInput, invalid, violation } from '../../common/errors/app-error';
import { staleEdit } from '../../common/errors/stale-edit';
import { sqlState, UNIQUE_VIOLATION } from '../../common/errors/database-errors';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import { toIndustryModel } from '../industries/industry.model';
import { MeasuresService } from '../measures/measures.service';
import { toOrganizationModel } from '../organizations/organization.model';
import { toTenantModel } from '../tenants/tenant.model';
import type {
  DeclareExpertConflictInput,
  ExpertInput,
  ExpertTieInput,
  UpdateExpertInput,
} from './dto/review.input';
import type { ExpertEntity } from './expert.entity';
import type { ExpertModel, ExpertTieModel } from './expert.model';
import { type ExpertFields, ReviewsRepository } from './reviews.repository';

type Tie = { id: string; organizationId: string | null; bureauTenantId: string | null };

/** How the domain names a tie: the organization's id, or `bureau:<tenant id>` for a bureau. */
export function tieKey(tie: { organizationId: string | null; bureauTenantId: string | null }): string {
  return tie.organizationId ?? `bureau:${tie.bureauTenantId}`;
}

function textProblem(
  field: string,
  value: string,
  label: string,
  min: number,
  max: number,
): FieldViolation[] {
  const length = [...value.trim()].length;
  if (length < min) return [violation(field, 'REQUIRED', `请填写${label}`)];
  if (length > max) return [violation(field, 'TOO_LONG', `${label}不能超过 ${max} 个字`)];
  return [];
}

/** The pool of the viewer's tier: experts, their ties and their load this year. */
@Injectable()
export class ExpertsService {
  constructor(
    private readonly reviews: ReviewsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly measures: MeasuresService,
  ) {}

  /** The review year is the calendar year in China. */
  reviewYear(): number {
    return Number(chinaDate(this.clock.now()).slice(0, 4));
  }

  today(): string {
    return chinaDate(this.clock.now());
  }

  /** An expert of the viewer's pool, or NOT_FOUND. */
  async expert(db: EntityManager, viewer: Viewer, id: string): Promise<ExpertEntity> {
    return actOn(await this.reviews.expert(db, viewer.tenantId, id));
  }

  /** The viewer's pool (row-level security hides other tiers' experts as well). */
  pool(db: EntityManager, viewer: Viewer): Promise<ExpertEntity[]> {
    return this.reviews.pool(db, viewer.tenantId);
  }

  /**
   * Seats this year per expert: active ones and those whose sheet was submitted (work done
   * stays counted after a swap). Seats on `exceptApplicationId` are left out: a panel being
   * replaced does not count against its own experts.
   */
  async reviewCounts(
    db: EntityManager,
    viewer: Viewer,
    expertIds: readonly string[],
    exceptApplicationId: string | null = null,
  ): Promise<Map<string, number>> {
    return this.reviews.reviewCounts(db, viewer.tenantId, this.reviewYear(), expertIds, exceptApplicationId);
  }

  async yearlyCap(db: EntityManager, viewer: Viewer): Promise<number> {
    const inForce = await this.measures.inForce(db, viewer, this.today());
    return inForce.parameters.review.maxReviewsPerExpertPerYear;
  }

  /** The pool as the domain sees it; an expert without an account cannot review. */
  async domainExperts(
    db: EntityManager,
    viewer: Viewer,
    experts: readonly ExpertEntity[],
    exceptApplicationId: string | null = null,
  ): Promise<Expert[]> {
    const ids = experts.map((e) => e.id);
    const { affiliations, conflicts } = await this.reviews.ties(db, ids);
    const counts = await this.reviewCounts(db, viewer, ids, exceptApplicationId);
    return experts.map((e) => ({
      id: e.id,
      name: e.name,
      domains: e.domains,
      affiliations: affiliations.filter((a) => a.expertId === e.id).map(tieKey),
      declaredConflicts: conflicts.filter((c) => c.expertId === e.id).map(tieKey),
      available: e.available && e.userId !== null,
      reviewsThisYear: counts.get(e.id) ?? 0,
    }));
  }

  /** Names of organizations and bureaus by the domain's tie keys. */
  async tieLabels(db: EntityManager, keys: readonly string[]): Promise<Map<string, string>> {
    const bureauIds = keys.filter((k) => k.startsWith('bureau:')).map((k) => k.slice('bureau:'.length));
    const orgIds = keys.filter((k) => !k.startsWith('bureau:'));
    const labels = new Map<string, string>();
    for (const o of await this.reviews.organizations(db, orgIds)) labels.set(o.id, o.name);
    for (const t of await this.reviews.tenants(db, bureauIds)) labels.set(`bureau:${t.id}`, t.bureauName);
    return labels;
  }

  async toModels(
    db: EntityManager,
    viewer: Viewer,
    experts: readonly ExpertEntity[],
  ): Promise<ExpertModel[]> {
    if (!experts.length) return [];
    const ids = experts.map((e) => e.id);
    const { affiliations, conflicts } = await this.reviews.ties(db, ids);
    const counts = await this.reviewCounts(db, viewer, ids);
    const cap = await this.yearlyCap(db, viewer);
    const codes = [...new Set(experts.flatMap((e) => e.domains))];
    const industries = new Map((await this.reviews.industries(db, codes)).map((i) => [i.code, i] as const));
    const ties: Tie[] = [...affiliations, ...conflicts];
    const orgIds = [...new Set(ties.flatMap((t) => (t.organizationId ? [t.organizationId] : [])))];
    const bureauIds = [...new Set(ties.flatMap((t) => (t.bureauTenantId ? [t.bureauTenantId] : [])))];
    const orgs = new Map((await this.reviews.organizations(db, orgIds)).map((o) => [o.id, o] as const));
    const bureaus = new Map((await this.reviews.tenants(db, bureauIds)).map((t) => [t.id, t] as const));
    const usernames = await this.reviews.usernames(
      db,
      experts.flatMap((e) => (e.userId ? [e.userId] : [])),
    );
    const tieModel = (t: Tie, extra: Partial<ExpertTieModel>): ExpertTieModel => {
      const org = t.organizationId ? orgs.get(t.organizationId) : undefined;
      const bureau = t.bureauTenantId ? bureaus.get(t.bureauTenantId) : undefined;
      return {
        id: t.id,
        organization: org ? toOrganizationModel(org, viewer) : null,
        bureau: bureau ? toTenantModel(bureau) : null,
        label: org?.name ?? bureau?.bureauName ?? '',
        position: null,
        reason: null,
        declaredOn: null,
        ...extra,
      };
    };
    return experts.map((e) => ({
      id: e.id,
      name: e.name,
      title: e.title,
      domains: e.domains.flatMap((code) => {
        const industry = industries.get(code);
        return industry ? [toIndustryModel(industry)] : [];
      }),
      affiliations: affiliations
        .filter((a) => a.expertId === e.id)
        .map((a) => tieModel(a, { position: a.position })),
      declaredConflicts: conflicts
        .filter((c) => c.expertId === e.id)
        .map((c) => tieModel(c, { reason: c.reason, declaredOn: c.declaredOn })),
      available: e.available,
      unavailableReason: e.unavailableReason,
      accountUsername: e.userId ? (usernames.get(e.userId) ?? null) : null,
      accountUserId: e.userId,
      reviewsThisYear: counts.get(e.id) ?? 0,
      yearlyCap: cap,
      version: e.version,
    }));
  }

  async toModel(db: EntityManager, viewer: Viewer, expert: ExpertEntity): Promise<ExpertModel> {
    const [model] = await this.toModels(db, viewer, [expert]);
    return model!;
  }

  private async tieViolations(
    db: EntityManager,
    field: string,
    tie: { organizationId?: string | null; bureauTenantId?: string | null },
  ): Promise<FieldViolation[]> {
    const org = tie.organizationId ?? null;
    const bureau = tie.bureauTenantId ?? null;
    if ((org === null) === (bureau === null))
      return [violation(field, 'ONE_OF_ORGANIZATION_OR_BUREAU', '请选择一个单位或一个科技局')];
    if (org !== null) {
      const found = await this.reviews.organizationExists(db, org);
      return found
        ? []
        : [violation(`${field}.organizationId`, 'UNKNOWN_ORGANIZATION', '单位名录中没有该单位')];
    }
    const found = await this.reviews.tenantExists(db, bureau!);
    return found ? [] : [violation(`${field}.bureauTenantId`, 'UNKNOWN_BUREAU', '没有该科技局')];
  }

  private async check(
    db: EntityManager,
    viewer: Viewer,
    input: ExpertInput,
    expertId: string | null,
  ): Promise<FieldViolation[]> {
    const v: FieldViolation[] = [
      ...textProblem('name', input.name, '姓名', 1, 40),
      ...textProblem('title', input.title, '职称', 1, 60),
    ];
    if (input.domainCodes.length < 1) v.push(violation('domainCodes', 'REQUIRED', '请至少选择一个评审领域'));
    if (input.domainCodes.length > 20) v.push(violation('domainCodes', 'TOO_MANY', '评审领域不能超过 20 个'));
    const known = new Set((await this.reviews.industries(db, input.domainCodes)).map((i) => i.code));
    input.domainCodes.forEach((code, i) => {
      if (!known.has(code)) v.push(violation(`domainCodes.${i}`, 'UNKNOWN_INDUSTRY', '产业分类中没有该领域'));
      else if (input.domainCodes.indexOf(code) !== i)
        v.push(violation(`domainCodes.${i}`, 'DUPLICATE', '评审领域重复'));
    });
    if (input.affiliations.length > 20)
      v.push(violation('affiliations', 'TOO_MANY', '任职单位不能超过 20 个'));
    const seen = new Set<string>();
    for (const [i, tie] of input.affiliations.entries()) {
      const problems = await this.tieViolations(db, `affiliations.${i}`, tie);
      v.push(...problems);
      if (!problems.length) {
        const key = tieKey({
          organizationId: tie.organizationId ?? null,
          bureauTenantId: tie.bureauTenantId ?? null,
        });
        if (seen.has(key)) v.push(violation(`affiliations.${i}`, 'DUPLICATE', '任职单位重复'));
        seen.add(key);
      }
      v.push(...textProblem(`affiliations.${i}.position`, tie.position, '职务', 0, 60));
    }
    v.push(...textProblem('unavailableReason', input.unavailableReason, '暂不可用的原因', 0, 200));
    if (!input.available && !input.unavailableReason.trim())
      v.push(violation('unavailableReason', 'REQUIRED', '暂不可用时请说明原因'));
    if (input.accountUserId) {
      if (!(await this.reviews.isExpertAccount(db, viewer.tenantId, input.accountUserId))) {
        v.push(violation('accountUserId', 'NOT_AN_EXPERT_ACCOUNT', '请选择本级具有评审专家角色的账号'));
      } else {
        const linked = await this.reviews.expertOfAccount(db, viewer.tenantId, input.accountUserId);
        if (linked && linked.id !== expertId)
          v.push(violation('accountUserId', 'ACCOUNT_LINKED', `该账号已关联专家 ${linked.name}`));
      }
    }
    return v;
  }

  private static ties(ties: readonly ExpertTieInput[]) {
    return ties.map((t) => ({
      organizationId: t.organizationId ?? null,
      bureauTenantId: t.bureauTenantId ?? null,
      position: t.position.trim(),
    }));
  }

  private static fields(input: ExpertInput): ExpertFields {
    return {
      name: input.name.trim(),
      title: input.title.trim(),
      domains: input.domainCodes,
      available: input.available,
      unavailableReason: input.unavailableReason.trim(),
      userId: input.accountUserId ?? null,
    };
  }

  private static view(
    e: ExpertEntity,
    ties: readonly { organizationId?: string | null; bureauTenantId?: string | null; position: string }[],
  ) {
    return {
      name: e.name,
      title: e.title,
      domains: e.domains,
      available: e.available,
      unavailableReason: e.unavailableReason,
      userId: e.userId,
      affiliations: ties.map((t) => ({
        organizationId: t.organizationId ?? null,
        bureauTenantId: t.bureauTenantId ?? null,
        position: t.position.trim(),
      })),
    };
  }

  private static accountTaken(error: unknown): AppError | null {
    if (sqlState(error) !== UNIQUE_VIOLATION) return null;
    return invalid('accountUserId', 'ACCOUNT_LINKED', '该账号已关联其他专家');
  }

  async create(ctx: RequestContext, viewer: Viewer, input: ExpertInput): Promise<ExpertEntity> {
    requireStaff(viewer);
    const problems = await this.check(ctx.db, viewer, input, null);
    if (problems.length) throw badInput(problems);
    let id: string;
    try {
      id = await this.reviews.insertExpert(ctx.db, {
        ...ExpertsService.fields(input),
        tenantId: viewer.tenantId,
        createdBy: viewer.userId,
      });
    } catch (error) {
      throw ExpertsService.accountTaken(error) ?? error;
    }
    await this.reviews.replaceAffiliations(
      ctx.db,
      viewer.tenantId,
      id,
      ExpertsService.ties(input.affiliations),
    );
    const expert = await this.expert(ctx.db, viewer, id);
    await this.audit.record(ctx.db, {
      action: 'expert.create',
      subjectType: 'expert',
      subjectId: id,
      after: ExpertsService.view(expert, input.affiliations),
    });
    return expert;
  }

  async update(ctx: RequestContext, viewer: Viewer, input: UpdateExpertInput): Promise<ExpertEntity> {
    requireStaff(viewer);
    const before = await this.expert(ctx.db, viewer, input.id);
    const beforeTies = (await this.reviews.ties(ctx.db, [before.id])).affiliations;
    const problems = await this.check(ctx.db, viewer, input.expert, before.id);
    if (problems.length) throw badInput(problems);
    const e = input.expert;
    let written: boolean;
    try {
      written = await this.reviews.updateExpert(
        ctx.db,
        viewer.tenantId,
        before.id,
        input.version,
        ExpertsService.fields(e),
        this.clock.now(),
      );
    } catch (error) {
      throw ExpertsService.accountTaken(error) ?? error;
    }
    if (!written) throw await staleEdit(ctx.db, 'expert', before.id, `专家「${before.name}」的信息`);
    await this.reviews.replaceAffiliations(
      ctx.db,
      viewer.tenantId,
      before.id,
      ExpertsService.ties(e.affiliations),
    );
    const after = await this.expert(ctx.db, viewer, before.id);
    await this.audit.record(ctx.db, {
      action: 'expert.update',
      subjectType: 'expert',
      subjectId: after.id,
      before: ExpertsService.view(before, beforeTies),
      after: ExpertsService.view(after, e.affiliations),
    });
    return after;
  }

  async declareConflict(
    ctx: RequestContext,
    viewer: Viewer,
    input: DeclareExpertConflictInput,
  ): Promise<ExpertEntity> {
    requireStaff(viewer);
    const expert = await this.expert(ctx.db, viewer, input.expertId);
    const v = [
      ...(await this.tieViolations(ctx.db, 'tie', input)),
      ...textProblem('reason', input.reason, '冲突理由', 1, 200),
    ];
    if (!isCalendarDate(input.declaredOn))
      v.push(violation('declaredOn', 'CALENDAR_DATE', '应为有效日期（YYYY-MM-DD）'));
    else if (input.declaredOn > this.today())
      v.push(violation('declaredOn', 'NOT_IN_FUTURE', '不能晚于今天'));
    if (v.length) throw badInput(v);
    const tie = {
      organizationId: input.organizationId ?? null,
      bureauTenantId: input.bureauTenantId ?? null,
    };
    try {
      await this.reviews.insertConflict(ctx.db, viewer.tenantId, expert.id, {
        ...tie,
        reason: input.reason.trim(),
        declaredOn: input.declaredOn,
      });
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION)
        throw invalid('tie', 'ALREADY_DECLARED', '已声明过与该单位的利益冲突');
      throw error;
    }
    await this.audit.record(ctx.db, {
      action: 'expert.declare_conflict',
      subjectType: 'expert',
      subjectId: expert.id,
      after: { ...tie, reason: input.reason.trim(), declaredOn: input.declaredOn },
    });
    return expert;
  }
}
