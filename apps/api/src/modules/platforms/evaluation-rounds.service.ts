import { Injectable } from '@nestjs/common';
import {
  chinaDate,
  CONFLICT_LABELS,
  confirmsCurrentDeclaration,
  conflictsOf,
  type ConflictReason,
  evaluationDue,
  evaluationScoreViolations,
  evaluationSheetViolations,
  type FieldViolation,
  PLATFORM_KINDS,
  platformParties,
} from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { actOn, requireExpert, requireStaff } from '../../common/access/access';
import { Clock } from '../../common/clock';
import { staleEdit } from '../../common/errors/stale-edit';
import { AppError, badInput, invalid, violation } from '../../common/errors/app-error';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import { MessagesService } from '../messages/messages.service';
import type { ExpertEntity } from '../reviews/expert.entity';
import { ExpertsService } from '../reviews/experts.service';
import {
  type EvaluationRoundRow,
  EvaluationRoundsRepository,
  type RoundPlatformRow,
  type RoundSeatRow,
  type RoundSheetRow,
} from './evaluation-rounds.repository';
import { PlatformsRepository } from './platforms.repository';
import { PlatformsService, type RecordedSheet } from './platforms.service';

export type RoundDetail = EvaluationRoundRow & {
  platforms: RoundPlatformRow[];
  seats: RoundSeatRow[];
  sheets: RoundSheetRow[];
  /** Per seat, the platforms the expert may not score and why. */
  recusals: { seatId: string; platformId: string; reasons: string[] }[];
};

export type CandidateConflict = { platformId: string; platformName: string; message: string };
export type RoundCandidate = { expert: ExpertEntity; seated: boolean; conflicts: CandidateConflict[] };

export type OwnSeat = { seat: RoundSeatRow; round: EvaluationRoundRow; sheets: RoundSheetRow[] };
export type OwnSeatDetail = OwnSeat & { platforms: RoundPlatformRow[] };

/**
 * Evaluation rounds of innovation platforms (评估批次, Art. 15): the authority opens a round of a
 * field for a year over its platforms due, seats experts of its pool (never on a platform they are
 * tied to), the experts score on their own pages after their declaration, and closing grades each
 * platform from the submitted sheets exactly as an evaluation does (PlatformsService).
 */
@Injectable()
export class EvaluationRoundsService {
  constructor(
    private readonly rounds: EvaluationRoundsRepository,
    private readonly platformsRepo: PlatformsRepository,
    private readonly platforms: PlatformsService,
    private readonly experts: ExpertsService,
    private readonly audit: AuditService,
    private readonly messages: MessagesService,
    private readonly clock: Clock,
  ) {}

  private today(): string {
    return chinaDate(this.clock.now());
  }

  /** The viewer's own round (as the authority); anything else is not found. */
  private async own(
    db: EntityManager,
    viewer: Viewer,
    id: string,
    lock = false,
  ): Promise<EvaluationRoundRow> {
    requireStaff(viewer);
    return actOn(await this.rounds.find(db, id, lock), (r) => r.tenantId === viewer.tenantId);
  }

  list(db: EntityManager, viewer: Viewer): Promise<EvaluationRoundRow[]> {
    requireStaff(viewer);
    return this.rounds.list(db, viewer.tenantId);
  }

  async detail(db: EntityManager, viewer: Viewer, id: string): Promise<RoundDetail> {
    return this.detailOf(db, await this.own(db, viewer, id));
  }

  private async detailOf(db: EntityManager, round: EvaluationRoundRow): Promise<RoundDetail> {
    const platforms = await this.rounds.platformsOf(db, round.id);
    const seats = await this.rounds.seatsOf(db, round.id);
    const sheets = await this.rounds.sheetsOf(db, round.id);
    const recusals = seats.flatMap((seat) =>
      platforms
        .filter((p) => !sheets.some((s) => s.seatId === seat.id && s.platformId === p.platformId))
        .map((p) => ({
          seatId: seat.id,
          platformId: p.platformId,
          reasons: ['与该平台的依托或共建单位存在利益冲突'],
        })),
    );
    return { ...round, platforms, seats, sheets, recusals };
  }

  /** 开启评估批次: the field's platforms due in the year (periodic, or re-evaluation in rectification). */
  async open(
    ctx: RequestContext,
    viewer: Viewer,
    input: { year: number; field: string },
  ): Promise<RoundDetail> {
    requireStaff(viewer);
    const thisYear = Number(this.today().slice(0, 4));
    const v: FieldViolation[] = [];
    if (!Number.isInteger(input.year) || input.year < 2016 || input.year > thisYear)
      v.push(violation('year', 'INTEGER_RANGE', `评估年度应在 2016 至 ${thisYear} 之间`));
    const field = input.field.trim();
    if (!field) v.push(violation('field', 'REQUIRED', '请选择评估领域'));
    else if (!(await this.rounds.industryExists(ctx.db, field)))
      v.push(violation('field', 'ONE_OF', '评估领域应为产业分类中的一项'));
    if (v.length) throw badInput(v);
    if (await this.rounds.exists(ctx.db, viewer.tenantId, input.year, field))
      throw new AppError('PLATFORM_ROUND_EXISTS');
    const candidates = await this.rounds.platformsOfField(ctx.db, viewer.tenantId, field);
    const due = candidates.flatMap((p) => {
      const why = p.openRoundId ? null : evaluationDue(p, input.year);
      return why ? [{ id: p.id, due: why }] : [];
    });
    if (!due.length)
      throw invalid(
        'field',
        'NONE_DUE',
        `该领域 ${input.year} 年度没有应评估或应复评的平台（已在评估批次中的除外）`,
      );
    const id = await this.rounds.insert(ctx.db, {
      tenantId: viewer.tenantId,
      year: input.year,
      field,
      openedBy: viewer.userId,
    });
    if (!id) throw new AppError('PLATFORM_ROUND_EXISTS');
    await this.rounds.addPlatforms(ctx.db, viewer.tenantId, id, due);
    await this.audit.record(ctx.db, {
      action: 'platform_evaluation_round.open',
      subjectType: 'platform_evaluation_round',
      subjectId: id,
      after: { year: input.year, field, platforms: due },
    });
    return this.detail(ctx.db, viewer, id);
  }

  /** Each platform's parties and the conflicts of the experts with them, by the rules of expert review. */
  private async conflicts(
    db: EntityManager,
    viewer: Viewer,
    roundId: string,
    platforms: readonly RoundPlatformRow[],
    experts: readonly ExpertEntity[],
  ): Promise<Map<string, { platform: RoundPlatformRow; reasons: ConflictReason[] }[]>> {
    const members = await this.rounds.membersOf(db, roundId);
    const domain = await this.experts.domainExperts(db, viewer, experts);
    return new Map(
      domain.map((e) => [
        e.id,
        platforms.map((p) => {
          const of = members.filter((m) => m.platformId === p.platformId);
          const parties = platformParties({
            hostOrganizationId: of.find((m) => m.role === 'HOST')?.organizationId ?? '',
            coBuilderOrganizationIds: of.filter((m) => m.role === 'CO_BUILDER').map((m) => m.organizationId),
          });
          return { platform: p, reasons: conflictsOf(e, parties) };
        }),
      ]),
    );
  }

  private async describe(
    db: EntityManager,
    reasons: readonly ConflictReason[],
  ): Promise<Map<ConflictReason, string>> {
    const labels = await this.experts.tieLabels(
      db,
      reasons.map((r) => r.organizationId),
    );
    return new Map(
      reasons.map((r) => [r, `${CONFLICT_LABELS[r.code]}（${labels.get(r.organizationId) ?? '相关单位'}）`]),
    );
  }

  /** The pool as candidates for the round: who is seated, and each expert's conflicts by platform. */
  async candidates(db: EntityManager, viewer: Viewer, roundId: string): Promise<RoundCandidate[]> {
    const round = await this.own(db, viewer, roundId);
    const pool = await this.experts.pool(db, viewer);
    const platforms = await this.rounds.platformsOf(db, round.id);
    const seats = await this.rounds.seatsOf(db, round.id);
    const conflicts = await this.conflicts(db, viewer, round.id, platforms, pool);
    const all = [...conflicts.values()].flatMap((xs) => xs.flatMap((x) => x.reasons));
    const words = await this.describe(db, all);
    return pool.map((expert) => ({
      expert,
      seated: seats.some((s) => s.expertId === expert.id),
      conflicts: (conflicts.get(expert.id) ?? []).flatMap(({ platform, reasons }) =>
        reasons.map((r) => ({
          platformId: platform.platformId,
          platformName: platform.name,
          message: words.get(r)!,
        })),
      ),
    }));
  }

  /**
   * Seats experts of the pool: each gets a sheet for every platform of the round they are free to
   * score. An expert without an account, unavailable, or tied to every platform is refused.
   */
  async seat(
    ctx: RequestContext,
    viewer: Viewer,
    input: { roundId: string; expertIds: string[] },
  ): Promise<RoundDetail> {
    const round = await this.own(ctx.db, viewer, input.roundId, true);
    if (round.status !== 'OPEN') throw new AppError('PLATFORM_ROUND_CLOSED');
    if (!input.expertIds.length) throw invalid('expertIds', 'REQUIRED', '请选择评估专家');
    const platforms = await this.rounds.platformsOf(ctx.db, round.id);
    const seats = await this.rounds.seatsOf(ctx.db, round.id);
    const v: FieldViolation[] = [];
    const chosen: ExpertEntity[] = [];
    for (const [i, id] of input.expertIds.entries()) {
      const expert = await this.experts.expert(ctx.db, viewer, id).catch((e: unknown) => {
        if (e instanceof AppError) return null;
        throw e;
      });
      const field = `expertIds.${i}`;
      if (!expert) v.push(violation(field, 'NOT_FOUND', '专家库中没有该专家'));
      else if (input.expertIds.indexOf(id) !== i)
        v.push(violation(field, 'DUPLICATE', `${expert.name}被重复选择`));
      else if (seats.some((s) => s.expertId === id))
        v.push(violation(field, 'ALREADY_SEATED', `${expert.name}已在本批次评估专家中`));
      else if (expert.userId === null)
        v.push(violation(field, 'UNAVAILABLE', `${expert.name}暂不能评估：尚未关联专家登录账号`));
      else if (!expert.available)
        v.push(
          violation(
            field,
            'UNAVAILABLE',
            `${expert.name}暂不能评估：${expert.unavailableReason || '暂不可用'}`,
          ),
        );
      else chosen.push(expert);
    }
    if (v.length) throw badInput(v);
    const conflicts = await this.conflicts(ctx.db, viewer, round.id, platforms, chosen);
    const refused: FieldViolation[] = [];
    for (const expert of chosen) {
      const ties = conflicts.get(expert.id)!;
      if (ties.every((t) => t.reasons.length > 0)) {
        const words = await this.describe(
          ctx.db,
          ties.flatMap((t) => t.reasons),
        );
        const why = ties.map(
          (t) => `「${t.platform.name}」：${t.reasons.map((r) => words.get(r)).join('、')}`,
        );
        refused.push(
          violation(
            `expertIds.${input.expertIds.indexOf(expert.id)}`,
            'CONFLICT',
            `${expert.name}与本批次每个平台都存在利益冲突，不能评估（${why.join('；')}）`,
          ),
        );
      }
    }
    if (refused.length) throw new AppError('EXPERT_CONFLICT', { violations: refused }, refused[0]!.message);
    const seated: { seatId: string; expertId: string; platformIds: string[]; recused: string[] }[] = [];
    for (const expert of chosen) {
      const ties = conflicts.get(expert.id)!;
      const free = ties.filter((t) => t.reasons.length === 0).map((t) => t.platform.platformId);
      const seatId = await this.rounds.insertSeat(ctx.db, {
        tenantId: viewer.tenantId,
        roundId: round.id,
        expertId: expert.id,
        expertUserId: expert.userId!,
        seatedBy: viewer.userId,
      });
      if (!seatId) throw new AppError('PLATFORM_ROUND_CHANGED');
      await this.rounds.insertSheets(
        ctx.db,
        {
          tenantId: viewer.tenantId,
          roundId: round.id,
          seatId,
          expertId: expert.id,
          expertUserId: expert.userId!,
        },
        free,
      );
      await this.messages.post(ctx.db, {
        to: { tenantId: viewer.tenantId, userId: expert.userId! },
        kind: 'EXPERT_SEATED',
        title: '新的平台评估任务',
        body: `您已被选为${round.year}年度「${round.fieldName}」领域创新平台评估专家，请确认承诺书后对 ${free.length} 个平台评分。`,
        link: `/reviews/mine/platform-evaluations/${seatId}`,
        subjectType: 'platform_evaluation_seat',
        subjectId: seatId,
        dedupeKey: `platform_evaluation_seat.seated:${seatId}`,
      });
      seated.push({
        seatId,
        expertId: expert.id,
        platformIds: free,
        recused: ties.filter((t) => t.reasons.length > 0).map((t) => t.platform.platformId),
      });
    }
    await this.audit.record(ctx.db, {
      action: 'platform_evaluation_round.seat',
      subjectType: 'platform_evaluation_round',
      subjectId: round.id,
      after: { seats: seated },
    });
    return this.detail(ctx.db, viewer, round.id);
  }

  /**
   * 结束评估: every platform of the round is graded from its submitted sheets by its kind's scheme;
   * a platform short of the scheme's sheets keeps the round open (the refusal names it).
   */
  async close(
    ctx: RequestContext,
    viewer: Viewer,
    input: { roundId: string; version: number },
  ): Promise<RoundDetail> {
    const round = await this.own(ctx.db, viewer, input.roundId, true);
    if (round.status !== 'OPEN') throw new AppError('PLATFORM_ROUND_CLOSED');
    if (round.version !== input.version) throw new AppError('PLATFORM_ROUND_CHANGED');
    const today = this.today();
    const platforms = await this.rounds.platformsOf(ctx.db, round.id);
    const submitted = (await this.rounds.sheetsOf(ctx.db, round.id)).filter((s) => s.status === 'SUBMITTED');
    const sheetsOf = (platformId: string): RecordedSheet[] =>
      submitted
        .filter((s) => s.platformId === platformId)
        .map((s) => ({
          expertName: s.expertName,
          expertId: s.expertId,
          submittedAt: s.submittedAt?.toISOString(),
          scores: s.scores,
        }));
    const short: FieldViolation[] = [];
    platforms.forEach((p, i) => {
      const problems = evaluationSheetViolations(PLATFORM_KINDS[p.kind].evaluation, sheetsOf(p.platformId));
      if (problems.length)
        short.push(violation(`platforms.${i}`, problems[0]!.rule, `「${p.name}」：${problems[0]!.message}`));
    });
    if (short.length) throw badInput(short);
    if (
      !(await this.rounds.close(ctx.db, {
        id: round.id,
        version: round.version,
        evaluatedOn: today,
        closedBy: viewer.userId,
      }))
    )
      throw new AppError('PLATFORM_ROUND_CHANGED');
    const outcomes: { platformId: string; evaluationId: string; grade: string; status: string }[] = [];
    for (const p of platforms) {
      const platform = actOn(await this.platformsRepo.find(ctx.db, p.platformId));
      const recorded = await this.platforms.recordEvaluation(ctx.db, viewer, platform, {
        year: round.year,
        evaluatedOn: today,
        sheets: sheetsOf(p.platformId),
        roundId: round.id,
      });
      await this.rounds.setEvaluation(ctx.db, round.id, p.platformId, recorded.evaluationId);
      outcomes.push({ platformId: p.platformId, ...recorded });
    }
    await this.audit.record(ctx.db, {
      action: 'platform_evaluation_round.close',
      subjectType: 'platform_evaluation_round',
      subjectId: round.id,
      before: { status: 'OPEN' },
      after: { status: 'CLOSED', evaluatedOn: today, outcomes },
    });
    return this.detail(ctx.db, viewer, round.id);
  }

  // ---- the expert's side ----

  /** The expert's own seats with their rounds and sheets (row-level security shows nothing else). */
  async mine(db: EntityManager, viewer: Viewer): Promise<OwnSeat[]> {
    requireExpert(viewer);
    const seats = await this.rounds.seatsOfUser(db, viewer.tenantId, viewer.userId);
    const out: OwnSeat[] = [];
    for (const seat of seats) {
      const round = await this.rounds.find(db, seat.roundId);
      if (round) out.push({ seat, round, sheets: await this.rounds.sheetsOf(db, round.id, seat.id) });
    }
    return out;
  }

  private async ownSeat(db: EntityManager, viewer: Viewer, seatId: string): Promise<RoundSeatRow> {
    requireExpert(viewer);
    return actOn(await this.rounds.seat(db, seatId), (s) => s.expertUserId === viewer.userId);
  }

  async seatDetail(db: EntityManager, viewer: Viewer, seatId: string): Promise<OwnSeatDetail> {
    const seat = await this.ownSeat(db, viewer, seatId);
    const round = actOn(await this.rounds.find(db, seat.roundId));
    const sheets = await this.rounds.sheetsOf(db, round.id, seat.id);
    const platforms = (await this.rounds.platformsOf(db, round.id)).filter((p) =>
      sheets.some((s) => s.platformId === p.platformId),
    );
    return { seat, round, sheets, platforms };
  }

  /** The commitment and no-conflict declaration, once for the seat, before the first score. */
  async declare(
    ctx: RequestContext,
    viewer: Viewer,
    seatId: string,
    version: string,
  ): Promise<OwnSeatDetail> {
    const seat = await this.ownSeat(ctx.db, viewer, seatId);
    if (!confirmsCurrentDeclaration(version)) throw new AppError('DECLARATION_OUTDATED');
    const round = actOn(await this.rounds.find(ctx.db, seat.roundId));
    if (round.status !== 'OPEN') throw new AppError('PLATFORM_ROUND_CLOSED');
    if (seat.declaredAt === null) {
      const at = this.clock.now();
      if (!(await this.rounds.declare(ctx.db, seat.id, version, at)))
        throw new AppError('REVIEW_SHEET_CHANGED');
      await this.audit.record(ctx.db, {
        action: 'platform_evaluation_seat.declare',
        subjectType: 'platform_evaluation_seat',
        subjectId: seat.id,
        after: { roundId: round.id, declarationVersion: version, declaredAt: at.toISOString() },
      });
    }
    return this.seatDetail(ctx.db, viewer, seat.id);
  }

  /** Saves the expert's scores of one platform; `submit` checks every criterion and locks the sheet. */
  async save(
    ctx: RequestContext,
    viewer: Viewer,
    input: { sheetId: string; version: number; scores: { key: string; score: number }[]; submit: boolean },
  ): Promise<OwnSeatDetail> {
    requireExpert(viewer);
    const sheet = actOn(await this.rounds.sheet(ctx.db, input.sheetId));
    const seat = await this.ownSeat(ctx.db, viewer, sheet.seatId);
    const round = actOn(await this.rounds.find(ctx.db, sheet.roundId));
    if (round.status !== 'OPEN') throw new AppError('PLATFORM_ROUND_CLOSED');
    if (seat.declaredAt === null) throw new AppError('DECLARATION_REQUIRED');
    if (sheet.status !== 'DRAFT') throw new AppError('REVIEW_SHEET_LOCKED');
    const platform = actOn(await this.platformsRepo.find(ctx.db, sheet.platformId));
    const scheme = PLATFORM_KINDS[platform.kind].evaluation;
    const keys = input.scores.map((s) => s.key);
    if (new Set(keys).size !== keys.length) throw invalid('scores', 'DUPLICATE', '同一指标只能评一次分');
    const scores = Object.fromEntries(input.scores.map((s) => [s.key, s.score]));
    // A draft may leave criteria open; what is given must be in range, and a submission complete.
    const v = evaluationScoreViolations(scheme, scores).filter(
      (x) => input.submit || x.field.slice(7) in scores,
    );
    if (v.length) throw badInput(v);
    if (sheet.version !== input.version)
      throw await staleEdit(ctx.db, 'platform_evaluation_sheet', sheet.id, '评分表');
    const at = input.submit ? this.clock.now() : null;
    if (
      !(await this.rounds.saveSheet(ctx.db, {
        id: sheet.id,
        version: sheet.version,
        scores,
        submittedAt: at,
      }))
    )
      throw await staleEdit(ctx.db, 'platform_evaluation_sheet', sheet.id, '评分表');
    await this.audit.record(ctx.db, {
      action: input.submit ? 'platform_evaluation_sheet.submit' : 'platform_evaluation_sheet.save',
      subjectType: 'platform_evaluation_sheet',
      subjectId: sheet.id,
      after: {
        roundId: round.id,
        platformId: sheet.platformId,
        scores,
        status: input.submit ? 'SUBMITTED' : 'DRAFT',
      },
    });
    return this.seatDetail(ctx.db, viewer, seat.id);
  }
}
