import { defineWorkflow, type Transition } from '../applications/workflow.js';
import { isAdmin, isStaff, type Role } from '../auth/roles.js';

// A risk compensation claim as a small kind of the one application engine: the bureau's officer
// files it for the bank (institutions have no accounts yet), an administrator decides — approving
// writes the payout to the scheme's append-only ledger in the same transaction — or the filer
// withdraws it before the decision.

export const CompensationClaimState = {
  FILED: 'FILED',
  APPROVED: 'APPROVED',
  DECLINED: 'DECLINED',
  WITHDRAWN: 'WITHDRAWN',
} as const;
export type CompensationClaimState = (typeof CompensationClaimState)[keyof typeof CompensationClaimState];

export const CompensationClaimAction = {
  APPROVE: 'APPROVE',
  DECLINE: 'DECLINE',
  WITHDRAW: 'WITHDRAW',
} as const;
export type CompensationClaimAction = (typeof CompensationClaimAction)[keyof typeof CompensationClaimAction];

export const CompensationActor = {
  /** Officers and administrators of the bureau that holds the claim. */
  BUREAU: 'BUREAU',
  /** Its administrators: the decision. */
  BUREAU_ADMIN: 'BUREAU_ADMIN',
} as const;
export type CompensationActor = (typeof CompensationActor)[keyof typeof CompensationActor];

export type CompensationGuard =
  /** The decision gives its reason. */
  | 'REASON_GIVEN'
  /** The bank's yearly ceiling still has room: the amount is above zero. */
  | 'CEILING_HAS_ROOM';

/** What the claim froze when it was filed: the loss claimed. */
export type CompensationClaimDossier = { defaultedOn: string; principalLostFen: string };

/** The basis an approval records: the parameters and version applied and the figures. */
export type CompensationDecisionBasis = {
  measuresTenantId: string;
  measuresId: string;
  measuresVersionNo: number;
  share: { numerator: number; denominator: number };
  perBankYearlyCeilingFen: string;
  ceilingYear: number;
  paidThisYearFen: string;
  shareOfLossFen: string;
  remainingCeilingFen: string;
  amountFen: string;
  cappedByCeiling: boolean;
};

function parseDossier(stored: unknown): CompensationClaimDossier {
  const s = (stored ?? {}) as Partial<CompensationClaimDossier>;
  return { defaultedOn: String(s.defaultedOn ?? ''), principalLostFen: String(s.principalLostFen ?? '0') };
}

function parseBasis(stored: unknown): CompensationDecisionBasis | null {
  return stored && typeof stored === 'object' ? (stored as CompensationDecisionBasis) : null;
}

const t = (
  from: CompensationClaimState,
  action: CompensationClaimAction,
  to: CompensationClaimState,
  actors: readonly CompensationActor[],
  guards: readonly CompensationGuard[] = [],
): Transition<CompensationClaimState, CompensationClaimAction, CompensationActor, CompensationGuard> => ({
  from,
  action,
  to,
  actors,
  guards,
});

export const COMPENSATION_CLAIM_WORKFLOW = defineWorkflow<
  CompensationClaimState,
  CompensationClaimAction,
  CompensationActor,
  CompensationGuard,
  CompensationClaimDossier,
  CompensationDecisionBasis | null
>({
  name: 'compensation_claim',
  parseDossier,
  parseDecisionBasis: parseBasis,
  states: {
    FILED: { label: '待审核', open: true },
    APPROVED: { label: '已补偿', final: true, decided: true },
    DECLINED: { label: '不予补偿', final: true, decided: true, lapsed: true },
    WITHDRAWN: { label: '已撤回', final: true, lapsed: true },
  },
  actions: {
    APPROVE: { label: '核准补偿' },
    DECLINE: { label: '不予补偿' },
    WITHDRAW: { label: '撤回' },
  },
  actors: {
    BUREAU: { label: '主管部门业务人员' },
    BUREAU_ADMIN: { label: '主管部门管理员' },
  },
  guards: {
    REASON_GIVEN: { label: '已填写理由' },
    CEILING_HAS_ROOM: { label: '该银行本年度补偿额度尚有余额' },
  },
  transitions: [
    t('FILED', 'APPROVE', 'APPROVED', ['BUREAU_ADMIN'], ['REASON_GIVEN', 'CEILING_HAS_ROOM']),
    t('FILED', 'DECLINE', 'DECLINED', ['BUREAU_ADMIN'], ['REASON_GIVEN']),
    t('FILED', 'WITHDRAW', 'WITHDRAWN', ['BUREAU'], ['REASON_GIVEN']),
  ],
});

/** The parts the viewer plays for a claim of `claimTenantId`. */
export function compensationActorsOf(
  viewer: { tenantId: string; roles: readonly Role[] },
  claimTenantId: string,
): CompensationActor[] {
  if (viewer.tenantId !== claimTenantId) return [];
  const actors: CompensationActor[] = [];
  if (isStaff(viewer.roles)) actors.push('BUREAU');
  if (isAdmin(viewer.roles)) actors.push('BUREAU_ADMIN');
  return actors;
}
