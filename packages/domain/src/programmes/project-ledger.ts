import { fieldViolation, type FieldViolation } from '../errors/error-codes.js';
import { formatYuan, isFen } from '../money/fen.js';
import { DISBURSABLE_PROJECT_STATES, PROJECT_STATE_LABELS, type ProjectState } from './project-lifecycle.js';

// The money ledger: disbursements (拨付) in tranches and recoveries (追回) as append-only entries in
// integer fen. A tranche may not take what was disbursed past the award, nor be paid to a frozen
// or ended project; a recovery may not exceed what was paid net. Balances are always read from
// the entries, never stored beside them. The database enforces the same limits under concurrency.

export const LedgerEntryKind = { DISBURSEMENT: 'DISBURSEMENT', RECOVERY: 'RECOVERY' } as const;
export type LedgerEntryKind = (typeof LedgerEntryKind)[keyof typeof LedgerEntryKind];

export const LEDGER_ENTRY_KIND_LABELS: Record<LedgerEntryKind, string> = {
  DISBURSEMENT: '拨付',
  RECOVERY: '追回',
};

export type LedgerEntry = {
  projectId: string;
  kind: LedgerEntryKind;
  amountFen: string;
  /** The day the money moved (China time). */
  on: string;
};

export type LedgerTotals = { disbursedFen: string; recoveredFen: string; netFen: string };

function sums(entries: readonly LedgerEntry[]): { disbursed: bigint; recovered: bigint } {
  let disbursed = 0n;
  let recovered = 0n;
  for (const e of entries) {
    if (e.kind === 'DISBURSEMENT') disbursed += BigInt(e.amountFen);
    else recovered += BigInt(e.amountFen);
  }
  return { disbursed, recovered };
}

/** What the entries add up to: disbursed, recovered, and net paid (disbursed − recovered). */
export function ledgerTotals(entries: readonly LedgerEntry[]): LedgerTotals {
  const { disbursed, recovered } = sums(entries);
  return {
    disbursedFen: disbursed.toString(),
    recoveredFen: recovered.toString(),
    netFen: (disbursed - recovered).toString(),
  };
}

export type LedgerProjectState = { projectId: string; awardFen: string; state: ProjectState };

const ofProject = (entries: readonly LedgerEntry[], projectId: string) =>
  entries.filter((e) => e.projectId === projectId);

/** What may still be disbursed: the award less everything disbursed so far (recoveries do not refill it). */
export function trancheRoomFen(
  project: Omit<LedgerProjectState, 'state'>,
  entries: readonly LedgerEntry[],
): string {
  const room = BigInt(project.awardFen) - sums(ofProject(entries, project.projectId)).disbursed;
  return (room > 0n ? room : 0n).toString();
}

/** What may still be recovered: what was paid net. */
export function recoverableFen(projectId: string, entries: readonly LedgerEntry[]): string {
  const { disbursed, recovered } = sums(ofProject(entries, projectId));
  return (disbursed - recovered).toString();
}

const positive = (amountFen: string) => isFen(amountFen) && BigInt(amountFen) > 0n;

/** Whether a tranche may be paid: a positive amount, to a project that takes money, within the award. */
export function trancheViolations(
  project: LedgerProjectState,
  entries: readonly LedgerEntry[],
  amountFen: string,
): FieldViolation[] {
  const v: FieldViolation[] = [];
  if (!positive(amountFen))
    v.push({ ...fieldViolation('amountFen', 'POSITIVE_FEN'), message: '拨付金额应为大于零的金额（分）' });
  if (project.state === 'FROZEN')
    v.push({
      ...fieldViolation('projectId', 'PROJECT_FROZEN'),
      message: '项目因联盟解散已冻结，待主管部门处理后方可拨付（第十九条）',
    });
  else if (!DISBURSABLE_PROJECT_STATES.includes(project.state))
    v.push({
      ...fieldViolation('projectId', 'PROJECT_NOT_DISBURSABLE'),
      message: `项目${PROJECT_STATE_LABELS[project.state]}，不能再拨付`,
    });
  if (v.some((x) => x.rule === 'POSITIVE_FEN')) return v;
  const room = trancheRoomFen(project, entries);
  if (BigInt(amountFen) > BigInt(room))
    v.push({
      ...fieldViolation('amountFen', 'ABOVE_AWARD'),
      message: `累计拨付不能超过立项支持金额 ${formatYuan(project.awardFen)}（尚可拨付 ${formatYuan(room)}）`,
    });
  return v;
}

/** Whether a recovery may be recorded: a positive amount, at most what was paid net. */
export function recoveryViolations(
  projectId: string,
  entries: readonly LedgerEntry[],
  amountFen: string,
): FieldViolation[] {
  if (!positive(amountFen))
    return [{ ...fieldViolation('amountFen', 'POSITIVE_FEN'), message: '追回金额应为大于零的金额（分）' }];
  const net = recoverableFen(projectId, entries);
  if (BigInt(amountFen) > BigInt(net))
    return [
      {
        ...fieldViolation('amountFen', 'ABOVE_NET_PAID'),
        message: `追回金额不能超过已拨付净额 ${formatYuan(net)}`,
      },
    ];
  return [];
}

/**
 * The recovery a revocation states (the RECOVERY_SET guard): zero is allowed (nothing to take
 * back), anything more is a recovery and must not exceed what was paid net.
 */
export function revocationRecoveryViolations(
  projectId: string,
  entries: readonly LedgerEntry[],
  recoveryFen: string | null,
): FieldViolation[] {
  if (recoveryFen === null || !isFen(recoveryFen))
    return [{ ...fieldViolation('recoveryFen', 'FEN'), message: '请填写追回金额（分），无需追回时填 0' }];
  if (BigInt(recoveryFen) === 0n) return [];
  return recoveryViolations(projectId, entries, recoveryFen).map((x) => ({ ...x, field: 'recoveryFen' }));
}

/** A project as the balances group it. */
export type LedgerProject = {
  projectId: string;
  programmeId: string;
  /** The alliance's home city. */
  cityTenantId: string;
  awardFen: string;
  awardedOn: string;
};

export const BalanceGrouping = {
  PROJECT: 'PROJECT',
  PROGRAMME: 'PROGRAMME',
  CITY: 'CITY',
  /** The calendar year money moved in: an award counts in its year, an entry in its own. */
  YEAR: 'YEAR',
} as const;
export type BalanceGrouping = (typeof BalanceGrouping)[keyof typeof BalanceGrouping];

export type Balance = LedgerTotals & { key: string; awardedFen: string };

/**
 * Balances read from the projects' awards and the ledger, grouped by project, programme, city or
 * year, in key order. An entry of a project not among `projects` is a caller's error: it throws.
 */
export function ledgerBalances(
  projects: readonly LedgerProject[],
  entries: readonly LedgerEntry[],
  by: BalanceGrouping,
): Balance[] {
  const byId = new Map(projects.map((p) => [p.projectId, p]));
  const keyOf = (p: LedgerProject, date: string): string => {
    switch (by) {
      case 'PROJECT':
        return p.projectId;
      case 'PROGRAMME':
        return p.programmeId;
      case 'CITY':
        return p.cityTenantId;
      case 'YEAR':
        return date.slice(0, 4);
    }
  };
  const groups = new Map<string, { awarded: bigint; disbursed: bigint; recovered: bigint }>();
  const group = (key: string) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { awarded: 0n, disbursed: 0n, recovered: 0n }));
    return g;
  };
  for (const p of projects) group(keyOf(p, p.awardedOn)).awarded += BigInt(p.awardFen);
  for (const e of entries) {
    const p = byId.get(e.projectId);
    if (!p) throw new Error(`ledger entry of unknown project ${e.projectId}`);
    const g = group(keyOf(p, e.on));
    if (e.kind === 'DISBURSEMENT') g.disbursed += BigInt(e.amountFen);
    else g.recovered += BigInt(e.amountFen);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, g]) => ({
      key,
      awardedFen: g.awarded.toString(),
      disbursedFen: g.disbursed.toString(),
      recoveredFen: g.recovered.toString(),
      netFen: (g.disbursed - g.recovered).toString(),
    }));
}
