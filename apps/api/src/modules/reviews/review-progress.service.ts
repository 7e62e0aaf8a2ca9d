import { Injectable } from '@nestjs/common';
import {
  type AggregationRule,
  aggregateScores,
  type ApplicationAggregate,
  type MeasuresParameters,
  type PanelStatus,
  parseProgrammeApplicationDossier,
  REVIEW_CRITERIA,
  type ReviewCriterionKey,
  type ScoreSheet,
} from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { type CallMeasures, CallMeasuresService } from '../calls/call-measures.service';
import { CallsService } from '../calls/calls.service';
import type { PilotCallEntity } from '../calls/pilot-call.entity';
import type { ReviewSubject, ReviewSubjectType } from './review-subject';
import { ReviewsRepository } from './reviews.repository';

export type ReviewAggregateResult = ApplicationAggregate & {
  rule: AggregationRule;
  passMark: number;
  measuresId: string;
  measuresVersionNo: number;
};

/** Scores as the domain reads them: every criterion a number (a submitted sheet has them all). */
export function sheetScores(raw: Record<string, unknown>): Record<ReviewCriterionKey, number> {
  const scores = {} as Record<ReviewCriterionKey, number>;
  for (const key of REVIEW_CRITERIA) {
    const value = raw[key];
    scores[key] = typeof value === 'number' ? value : 0;
  }
  return scores;
}

/**
 * How far an application's review has come, and its aggregate by the rule of the call's measures.
 * Reads under the caller's row-level security: the authority's staff see the whole panel.
 */
@Injectable()
export class ReviewProgressService {
  constructor(
    private readonly reviews: ReviewsRepository,
    private readonly calls: CallsService,
    private readonly callMeasures: CallMeasuresService,
  ) {}

  /** The call when the viewer may read it; an expert account reads none. */
  private async visibleCall(db: EntityManager, id: string): Promise<PilotCallEntity | null> {
    try {
      return await this.calls.get(db, id);
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }

  /**
   * The parameters of the measures version the review applies. A pilot application's are its
   * call's; an expert account does not read the call, and the dossier names the same version,
   * which it may read. A filing's are the authority's version its dossier froze at submission.
   */
  async parametersOf(
    db: EntityManager,
    subject: Pick<ReviewSubject, 'type' | 'batchId' | 'dossier' | 'authorityTenantId'>,
  ): Promise<CallMeasures> {
    if (subject.type === 'filing') {
      const frozen = (subject.dossier as { measures?: { province?: { id?: unknown } } } | null)?.measures;
      const id = frozen?.province?.id;
      if (typeof id !== 'string') throw new AppError('NOT_FOUND');
      return this.callMeasures.parametersFor(db, {
        measuresId: id,
        measuresTenantId: subject.authorityTenantId,
      });
    }
    // A project's acceptance applies the measures version its award was made under.
    const call = subject.type === 'project' ? null : await this.visibleCall(db, subject.batchId);
    if (call) {
      const measures = await this.callMeasures.parametersFor(db, call);
      return subject.type === 'programme_application'
        ? withProgrammeCriteria(measures, subject.dossier)
        : measures;
    }
    const named = (subject.dossier as { measures?: { id?: unknown; tenantId?: unknown } } | null)?.measures;
    if (typeof named?.id !== 'string' || typeof named.tenantId !== 'string') throw new AppError('NOT_FOUND');
    return this.callMeasures.parametersFor(db, { measuresId: named.id, measuresTenantId: named.tenantId });
  }

  async panelStatus(
    db: EntityManager,
    subject: Pick<ReviewSubject, 'id' | 'authorityTenantId'>,
    parameters: MeasuresParameters,
  ): Promise<PanelStatus> {
    const counts = await this.reviews.panelCounts(db, subject.authorityTenantId, subject.id);
    return { size: parameters.review.expertsPerApplication, ...counts };
  }

  /**
   * Every application of a batch is aggregated together (ranks and normalisation need them all),
   * by the rule of `measures`.
   */
  async aggregateBatch(
    db: EntityManager,
    batch: { type: ReviewSubjectType; id: string; authorityTenantId: string },
    measures: CallMeasures,
  ): Promise<ReviewAggregateResult[]> {
    const { parameters, measuresId, versionNo } = measures;
    const sheets: ScoreSheet[] = (
      await this.reviews.submittedSheetsOfBatch(db, batch.authorityTenantId, batch)
    ).map((s) => ({ applicationId: s.applicationId, expertId: s.expertId, scores: sheetScores(s.scores) }));
    const review = parameters.review;
    return aggregateScores(sheets, review).map((a) => ({
      ...a,
      rule: review.aggregation,
      passMark: review.passMark,
      measuresId,
      measuresVersionNo: versionNo,
    }));
  }

  /** A call's pilot applications, aggregated by the rule of the call's measures. */
  async aggregateCall(
    db: EntityManager,
    call: PilotCallEntity,
    measures?: CallMeasures,
  ): Promise<{ aggregates: ReviewAggregateResult[] }> {
    const batch = { type: 'pilot_application' as const, id: call.id, authorityTenantId: call.tenantId };
    measures ??= await this.callMeasures.parametersFor(db, call);
    return { aggregates: await this.aggregateBatch(db, batch, measures) };
  }

  /** One application's aggregate, with the call and measures the caller already holds. */
  async aggregateWith(
    db: EntityManager,
    call: PilotCallEntity,
    measures: CallMeasures,
    applicationId: string,
  ): Promise<ReviewAggregateResult | null> {
    const { aggregates } = await this.aggregateCall(db, call, measures);
    return aggregates.find((a) => a.applicationId === applicationId) ?? null;
  }

  /** The subject's aggregate among its batch's (the call's applications, the round's filings). */
  async aggregate(
    db: EntityManager,
    subject: ReviewSubject,
    measures?: CallMeasures,
  ): Promise<ReviewAggregateResult | null> {
    measures ??= await this.parametersOf(db, subject);
    const batch = { type: subject.type, id: subject.batchId, authorityTenantId: subject.authorityTenantId };
    const aggregates = await this.aggregateBatch(db, batch, measures);
    return aggregates.find((a) => a.applicationId === subject.id) ?? null;
  }
}

/** A programme application is scored on the criteria and weights its programme set (frozen at submission). */
function withProgrammeCriteria(measures: CallMeasures, dossier: unknown): CallMeasures {
  const criteria = parseProgrammeApplicationDossier(dossier).programme.criteria;
  if (!criteria) return measures;
  const { parameters } = measures;
  return { ...measures, parameters: { ...parameters, review: { ...parameters.review, criteria } } };
}
