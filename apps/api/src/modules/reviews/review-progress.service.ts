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
import { notFound } from '../../common/errors/app-error';
import { type CallMeasures, CallMeasuresService } from '../calls/call-measures.service';
import { PilotCallEntity } from '../calls/pilot-call.entity';
import type { PilotApplicationEntity } from '../pilots/pilot-application.entity';

export type ReviewAggregateResult = ApplicationAggregate & {
  rule: AggregationRule;
  passMark: number;
  measuresId: string;
  measuresVersionNo: number;
};

type SubmittedSheetRow = { application_id: string; expert_id: string; scores: Record<string, unknown> };

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
  constructor(private readonly callMeasures: CallMeasuresService) {}

  async callOf(db: EntityManager, application: PilotApplicationEntity): Promise<PilotCallEntity> {
    const call = await db.findOneBy(PilotCallEntity, { id: application.callId });
    if (!call) throw notFound();
    return call;
  }

  /**
   * The parameters of the measures version the application's call applies. An expert account
   * does not read the call; the dossier names the same version, which it may read.
   */
  async parametersOf(
    db: EntityManager,
    application: PilotApplicationEntity,
  ): Promise<{ parameters: MeasuresParameters; measuresId: string; versionNo: number }> {
    const call = await db.findOneBy(PilotCallEntity, { id: application.callId });
    if (call) return this.callMeasures.parametersFor(db, call);
    const named = (application.dossier as { measures?: { id?: unknown; tenantId?: unknown } } | null)
      ?.measures;
    if (typeof named?.id !== 'string' || typeof named.tenantId !== 'string') throw notFound();
    return this.callMeasures.parametersFor(
      db,
      Object.assign(new PilotCallEntity(), { measuresId: named.id, measuresTenantId: named.tenantId }),
    );
  }

  /** `parameters`: the measures the caller already holds, so they are not read again. */
  async panelStatus(
    db: EntityManager,
    application: PilotApplicationEntity,
    parameters?: MeasuresParameters,
  ): Promise<PanelStatus> {
    parameters ??= (await this.parametersOf(db, application)).parameters;
    const [row] = await db.query<{ seated: number; submitted: number }[]>(
      `SELECT count(*)::int AS seated,
              count(*) FILTER (WHERE s.status = 'SUBMITTED')::int AS submitted
         FROM expert_assignment x
         LEFT JOIN review_sheet s ON s.tenant_id = x.tenant_id AND s.assignment_id = x.id
        WHERE x.tenant_id = $1 AND x.application_id = $2 AND x.withdrawn_at IS NULL`,
      [application.authorityTenantId, application.id],
    );
    return {
      size: parameters.review.expertsPerApplication,
      seated: row?.seated ?? 0,
      submitted: row?.submitted ?? 0,
    };
  }

  /** Every application of the call is aggregated together: ranks and normalisation need them all. */
  async aggregateCall(
    db: EntityManager,
    call: PilotCallEntity,
    measures?: CallMeasures,
  ): Promise<{ aggregates: ReviewAggregateResult[] }> {
    const { parameters, measuresId, versionNo } =
      measures ?? (await this.callMeasures.parametersFor(db, call));
    const rows = await db.query<SubmittedSheetRow[]>(
      `SELECT s.application_id, s.expert_id, s.scores
         FROM review_sheet s
         JOIN expert_assignment x ON x.tenant_id = s.tenant_id AND x.id = s.assignment_id AND x.withdrawn_at IS NULL
         JOIN pilot_application a ON a.id = s.application_id AND a.tenant_id = x.application_tenant_id
        WHERE s.tenant_id = $1 AND a.call_id = $2 AND s.status = 'SUBMITTED' AND a.state <> 'WITHDRAWN'
        ORDER BY s.application_id, s.submitted_at, s.id`,
      [call.tenantId, call.id],
    );
    const sheets: ScoreSheet[] = rows.map((r) => ({
      applicationId: r.application_id,
      expertId: r.expert_id,
      scores: sheetScores(r.scores),
    }));
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

  async aggregate(
    db: EntityManager,
    application: PilotApplicationEntity,
  ): Promise<ReviewAggregateResult | null> {
    const { aggregates } = await this.aggregateCall(db, await this.callOf(db, application));
    return aggregates.find((a) => a.applicationId === application.id) ?? null;
  }
}
