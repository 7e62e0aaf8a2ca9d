import { Injectable } from '@nestjs/common';
import {
  ceilingYearOf,
  chinaDate,
  COMPENSATION_CLAIM_WORKFLOW,
  type CompensationActor,
  compensationActorsOf,
  compensationAmount,
  type CompensationClaimAction,
  type CompensationClaimState,
  type CompensationDecisionBasis,
  type CompensationGuard,
  type FieldViolation,
  formatYuan,
  type RiskCompensationParameters,
  type Transition,
} from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppError, violation } from '../../common/errors/app-error';
import type { Viewer } from '../../common/request/request-context';
import type { Effects, KindRuntime } from '../applications/application-engine';
import { MeasuresService } from '../measures/measures.service';
import { CompensationClaimEntity } from './compensation-claim.entity';
import { claimChanged, claimRefused } from './finance.errors';
import { FinanceRepository } from './finance.repository';

const MAX_TEXT = 2000;

/** What the guards and effects of one action on one claim read, each once. */
export type ClaimFacts = {
  viewer: Viewer;
  claim: CompensationClaimEntity;
  now: Date;
  text: string;
  /** For an approval: the figures under the parameters in force, read under the bank's ceiling lock. */
  basis?: CompensationDecisionBasis;
};

type ClaimKindRuntime = KindRuntime<
  CompensationClaimEntity,
  CompensationClaimState,
  CompensationClaimAction,
  CompensationActor,
  CompensationGuard,
  ClaimFacts
>;

/** A risk compensation claim as a kind of the application engine. */
@Injectable()
export class CompensationClaimKind implements ClaimKindRuntime {
  readonly workflow = COMPENSATION_CLAIM_WORKFLOW;
  readonly entity = CompensationClaimEntity;
  readonly noun = '补偿申请';

  constructor(
    private readonly finance: FinanceRepository,
    private readonly measures: MeasuresService,
    private readonly clock: Clock,
  ) {}

  async load(db: EntityManager, id: string): Promise<CompensationClaimEntity> {
    const claim = await db.findOne(CompensationClaimEntity, { where: { id } }).catch(() => null);
    if (!claim) throw new AppError('NOT_FOUND');
    return claim;
  }

  actorsOf(viewer: Viewer, claim: CompensationClaimEntity): CompensationActor[] {
    return compensationActorsOf(viewer, claim.tenantId);
  }

  async facts(
    db: EntityManager,
    viewer: Viewer,
    claim: CompensationClaimEntity,
    transition: Transition<
      CompensationClaimState,
      CompensationClaimAction,
      CompensationActor,
      CompensationGuard
    >,
    text: string,
  ): Promise<ClaimFacts> {
    const now = this.clock.now();
    const facts: ClaimFacts = { viewer, claim, now, text };
    if (transition.action === 'APPROVE') facts.basis = await this.figures(db, viewer, claim, now, true);
    return facts;
  }

  /** The scheme's parameters in force for the viewer's bureau on a day (its city's overrides applied). */
  async schemeOn(db: EntityManager, viewer: Viewer, asOf: string): Promise<RiskCompensationParameters> {
    return (await this.measures.inForce(db, viewer, asOf)).parameters.riskCompensation;
  }

  /**
   * compensation = min(share × principal lost, ceiling − paid to the bank this year), under the
   * measures in force today for the claim's bureau. With `lock`, first waits for every other
   * payout to the bank this year, so the sum read is the one the payout will be checked against.
   */
  async figures(
    db: EntityManager,
    viewer: Viewer,
    claim: Pick<CompensationClaimEntity, 'institutionId' | 'dossier'>,
    now: Date,
    lock: boolean,
  ): Promise<CompensationDecisionBasis> {
    const today = chinaDate(now);
    const year = ceilingYearOf(today);
    const inForce = await this.measures.inForce(db, viewer, today);
    const scheme = inForce.parameters.riskCompensation;
    if (lock) await this.finance.lockCeiling(db, claim.institutionId, year);
    const paid = await this.finance.paidInYear(db, claim.institutionId, year);
    const figures = compensationAmount(
      claim.dossier.principalLostFen,
      scheme.share,
      scheme.perBankYearlyCeilingFen,
      paid,
    );
    const applied = inForce.local ?? inForce.province;
    return {
      measuresTenantId: applied.tenantId,
      measuresId: applied.id,
      measuresVersionNo: applied.versionNo,
      share: scheme.share,
      perBankYearlyCeilingFen: scheme.perBankYearlyCeilingFen,
      ceilingYear: year,
      paidThisYearFen: paid,
      ...figures,
    };
  }

  check(guard: CompensationGuard, f: ClaimFacts): FieldViolation[] {
    switch (guard) {
      case 'REASON_GIVEN':
        if (!f.text) return [violation('reason', 'REQUIRED', '请填写理由')];
        if ([...f.text].length > MAX_TEXT)
          return [violation('reason', 'TOO_LONG', `理由不超过 ${MAX_TEXT} 字`)];
        return [];
      case 'CEILING_HAS_ROOM':
        return f.basis && BigInt(f.basis.amountFen) > 0n
          ? []
          : [
              violation(
                'amountFen',
                'CEILING_EXHAUSTED',
                `该银行 ${f.basis?.ceilingYear ?? ''} 年度补偿已达上限 ${formatYuan(
                  f.basis?.perBankYearlyCeilingFen ?? '0',
                )}，只能不予补偿`,
              ),
            ];
    }
  }

  readonly effects: Record<CompensationClaimAction, (f: ClaimFacts) => Effects<CompensationClaimEntity>> = {
    APPROVE: (f) => ({
      decisionBasis: f.basis!,
      amountFen: f.basis!.amountFen,
      decidedAt: f.now,
      decidedBy: f.viewer.userId,
      lastReason: f.text,
    }),
    DECLINE: (f) => ({ decidedAt: f.now, decidedBy: f.viewer.userId, lastReason: f.text }),
    WITHDRAW: (f) => ({ lastReason: f.text }),
  };

  refusal(
    action: CompensationClaimAction,
    violations: FieldViolation[],
    _failed: CompensationGuard[],
    f: ClaimFacts | undefined,
  ): AppError {
    if (!f) return claimRefused(violations, violations[0]?.message);
    const label = COMPENSATION_CLAIM_WORKFLOW.actions[action].label;
    return claimRefused(violations, `不能「${label}」：${violations.map((v) => v.message).join('；')}`);
  }

  changed(): AppError {
    return claimChanged();
  }

  auditAfter(_action: CompensationClaimAction, text: string): Record<string, unknown> {
    return text ? { reason: text } : {};
  }
}
