import { Injectable } from '@nestjs/common';
import {
  type AggregationRule,
  aggregateScores,
  type ApplicationAggregate,
  type MeasuresParameters,
  type PanelStatus,
  REVIEW_CRITERIA,
  type ReviewCriterionKey,
  type ScoreSheet,
} from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { type CallMeasures, CallMeasuresService } from '../calls/call-measures.service';
import { CallsService } from '../calls/calls.service';
import type { PilotCallEntity } from '../calls/pilot-call.entity';
import type { ReviewSubject } from './review-subject';
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
   * The parameters of the measures version the application's call applies. An expert account
   * does not read the call; the dossier names the same version, which it may read.
   */
  async parametersOf(
    db: EntityManager,
    subject: Pick<ReviewSubject, 'callId' | 'dossier'>,
  ): Promise<CallMeasures> {
    const call = await this.visibleCall(db, subject.callId);
    if (call) return this.callMeasures.parametersFor(db, call);
    const named = (subject.dossier as { measures?: { id?: unknown; tenantId?: unknown } } | null)?.measures;
    if (typeof named?.id !== 'string' || typeof named.tenantId !== 'string') throw new AppError('NOT_FOUND');
    // The call as far as its measures go: the version the dossier names.
    const frozen = { measuresId: named.id, measuresTenantId: named.tenantId } as PilotCallEntity;
    return this.callMeasures.parametersFor(db, frozen);
  }

  /** `parameters`: the measures the caller already holds, so they are not read again. */
  async panelStatus(
    db: EntityManager,
    subject: Pick<ReviewSubject, 'id' | 'authorityTenantId' | 'callId' | 'dossier'>,
    parameters?: MeasuresParameters,
  ): Promise<PanelStatus> {
    parameters ??= (await this.parametersOf(db, subject)).parameters;
    const counts = await this.reviews.panelCounts(db, subject.authorityTenantId, subject.id);
    return { size: parameters.review.expertsPerApplication, ...counts };
  }

  /** Every application of the call is aggregated together: ranks and normalisation need them all. */
  async aggregateCall(
    db: EntityManager,
    call: PilotCallEntity,
    measures?: CallMeasures,
  ): Promise<{ aggregates: ReviewAggregateResult[] }> {
    const { parameters, measuresId, versionNo } =
      measures ?? (await this.callMeasures.parametersFor(db, call));
    const sheets: ScoreSheet[] = (await this.reviews.submittedSheetsOfCall(db, call.tenantId, call.id)).map(
      (s) => ({ applicationId: s.applicationId, expertId: s.expertId, scores: sheetScores(s.scores) }),
    );
    const review = parameters.review;
    return {
      aggregates: aggregateScores(sheets, review).map((a) => ({
        ...a,
        rule: review.aggregation,
        passMark: review.passMark,
        measuresId,
        measuresVersionNo: versionNo,
      })),
    };
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

  async aggregate(db: EntityManager, subject: ReviewSubject): Promise<ReviewAggregateResult | null> {
    const { aggregates } = await this.aggregateCall(db, await this.calls.get(db, subject.callId));
    return aggregates.find((a) => a.applicationId === subject.id) ?? null;
  }
}
