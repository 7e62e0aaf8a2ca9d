import { conflictsOf, type Expert, type ReviewParties } from './conflicts.js';

export type PanelRequest = {
  size: number;
  /** The alliance's industry and its parent class: an expert of either fits. */
  acceptedDomains: readonly string[];
  maxReviewsPerYear: number;
};

export type PanelProblem =
  | { code: 'WRONG_SIZE'; expected: number; actual: number }
  | { code: 'CONFLICT'; expertId: string; organizationId: string }
  | { code: 'SHARED_AFFILIATION'; expertIds: [string, string]; organizationId: string }
  | { code: 'OUTSIDE_DOMAIN'; expertId: string }
  | { code: 'OVER_YEARLY_CAP'; expertId: string }
  | { code: 'UNAVAILABLE'; expertId: string }
  | { code: 'DUPLICATE'; expertId: string };

/** Everything wrong with a panel; empty when it may review the application. */
export function checkPanel(
  panel: readonly Expert[],
  parties: ReviewParties,
  request: PanelRequest,
): PanelProblem[] {
  const problems: PanelProblem[] = [];
  if (panel.length !== request.size)
    problems.push({ code: 'WRONG_SIZE', expected: request.size, actual: panel.length });
  const seen = new Set<string>();
  const affiliatedBy = new Map<string, string>();
  for (const expert of panel) {
    if (seen.has(expert.id)) problems.push({ code: 'DUPLICATE', expertId: expert.id });
    seen.add(expert.id);
    for (const c of conflictsOf(expert, parties))
      problems.push({ code: 'CONFLICT', expertId: expert.id, organizationId: c.organizationId });
    if (!expert.domains.some((d) => request.acceptedDomains.includes(d)))
      problems.push({ code: 'OUTSIDE_DOMAIN', expertId: expert.id });
    if (expert.reviewsThisYear >= request.maxReviewsPerYear)
      problems.push({ code: 'OVER_YEARLY_CAP', expertId: expert.id });
    if (!expert.available) problems.push({ code: 'UNAVAILABLE', expertId: expert.id });
    for (const org of new Set(expert.affiliations)) {
      const other = affiliatedBy.get(org);
      if (other && other !== expert.id)
        problems.push({ code: 'SHARED_AFFILIATION', expertIds: [other, expert.id], organizationId: org });
      else affiliatedBy.set(org, expert.id);
    }
  }
  return problems;
}

export type PanelShortfall = {
  pool: number;
  unavailable: number;
  outsideDomain: number;
  conflicted: number;
  overYearlyCap: number;
  eligible: number;
  /** Enough eligible experts, but not enough without two from one organization. */
  affiliationsOverlap: boolean;
};

/**
 * Why the other experts of the panel's domain cannot take an empty seat, each counted once under
 * the first reason that applies (the order of the fields).
 */
export type SeatBlockers = {
  /** Experts of the accepted domains in the pool who are not seated. */
  domainExperts: number;
  unavailable: number;
  affiliatedWithMember: number;
  affiliatedWithRecommender: number;
  declaredConflict: number;
  overYearlyCap: number;
  /** Otherwise eligible, but of an organization a seated expert already holds. */
  sameOrganization: number;
};

/** A seat the pool cannot fill (1-based, after the filled ones) and why. */
export type UnfilledSeat = { seat: number; blockers: SeatBlockers };

export type PanelProposal = {
  /** The seats the pool can fill, at most one expert per organization: all of them when `unfilled` is empty. */
  panel: Expert[];
  unfilled: UnfilledSeat[];
  /** The pool in numbers, when no complete panel exists. */
  shortfall: PanelShortfall | null;
};

/** The first `target` experts, in order, of which no two share an organization; null when there is none. */
function panelOf(eligible: readonly Expert[], target: number): Expert[] | null {
  const chosen: Expert[] = [];
  const taken = new Set<string>();
  const search = (from: number): boolean => {
    if (chosen.length === target) return true;
    for (let i = from; i < eligible.length && eligible.length - i >= target - chosen.length; i += 1) {
      const expert = eligible[i]!;
      const orgs = [...new Set(expert.affiliations)];
      if (orgs.some((o) => taken.has(o))) continue;
      chosen.push(expert);
      orgs.forEach((o) => taken.add(o));
      if (search(i + 1)) return true;
      chosen.pop();
      orgs.forEach((o) => taken.delete(o));
    }
    return false;
  };
  return search(0) ? [...chosen] : null;
}

function blockersOf(
  pool: readonly Expert[],
  panel: readonly Expert[],
  parties: ReviewParties,
  request: PanelRequest,
): SeatBlockers {
  const seated = new Set(panel.map((e) => e.id));
  const b: SeatBlockers = {
    domainExperts: 0,
    unavailable: 0,
    affiliatedWithMember: 0,
    affiliatedWithRecommender: 0,
    declaredConflict: 0,
    overYearlyCap: 0,
    sameOrganization: 0,
  };
  for (const expert of pool) {
    if (seated.has(expert.id) || !expert.domains.some((d) => request.acceptedDomains.includes(d))) continue;
    b.domainExperts += 1;
    const conflict = conflictsOf(expert, parties)[0]?.code;
    if (!expert.available) b.unavailable += 1;
    else if (conflict === 'AFFILIATED_WITH_MEMBER') b.affiliatedWithMember += 1;
    else if (conflict === 'AFFILIATED_WITH_RECOMMENDER') b.affiliatedWithRecommender += 1;
    else if (conflict === 'DECLARED_CONFLICT') b.declaredConflict += 1;
    else if (expert.reviewsThisYear >= request.maxReviewsPerYear) b.overYearlyCap += 1;
    // The panel is as large as it can be: an eligible expert left out shares an organization with it.
    else b.sameOrganization += 1;
  }
  return b;
}

/**
 * Proposes a panel: experts of the domain, free of conflicts, under their yearly cap, at most
 * one per organization, the least loaded first. The search is exhaustive, so a complete panel is
 * found whenever one exists; otherwise it fills as many seats as can be filled and says, for each
 * seat left empty, why the other experts of the domain cannot take it.
 */
export function proposePanel(
  pool: readonly Expert[],
  parties: ReviewParties,
  request: PanelRequest,
): PanelProposal {
  let unavailable = 0;
  let outsideDomain = 0;
  let conflicted = 0;
  let overYearlyCap = 0;
  const eligible: Expert[] = [];
  for (const expert of pool) {
    if (!expert.available) unavailable += 1;
    else if (!expert.domains.some((d) => request.acceptedDomains.includes(d))) outsideDomain += 1;
    else if (conflictsOf(expert, parties).length) conflicted += 1;
    else if (expert.reviewsThisYear >= request.maxReviewsPerYear) overYearlyCap += 1;
    else eligible.push(expert);
  }
  eligible.sort(
    (a, b) =>
      a.reviewsThisYear - b.reviewsThisYear || a.name.localeCompare(b.name, 'zh') || a.id.localeCompare(b.id),
  );

  let panel: Expert[] = [];
  for (let target = Math.min(request.size, eligible.length); target > 0; target -= 1) {
    const found = panelOf(eligible, target);
    if (found) {
      panel = found;
      break;
    }
  }
  if (request.size > 0 && panel.length === request.size) return { panel, unfilled: [], shortfall: null };
  const blockers = blockersOf(pool, panel, parties, request);
  return {
    panel,
    unfilled: Array.from({ length: Math.max(0, request.size - panel.length) }, (_, i) => ({
      seat: panel.length + i + 1,
      blockers,
    })),
    shortfall: {
      pool: pool.length,
      unavailable,
      outsideDomain,
      conflicted,
      overYearlyCap,
      eligible: eligible.length,
      affiliationsOverlap: eligible.length >= request.size,
    },
  };
}

/** The shortfall in words, for the officer who asked for a panel. */
export function describeShortfall(s: PanelShortfall, size: number): string {
  if (s.affiliationsOverlap) {
    return `符合条件的专家有 ${s.eligible} 名，但同一单位至多一人，凑不足 ${size} 人，请扩充专家库`;
  }
  return `需要 ${size} 名专家，符合条件的只有 ${s.eligible} 名（专家库 ${s.pool} 名：领域不符 ${s.outsideDomain}、存在利益冲突 ${s.conflicted}、达到年度评审上限 ${s.overYearlyCap}、暂不可用 ${s.unavailable}）`;
}

const BLOCKER_LABELS: Record<Exclude<keyof SeatBlockers, 'domainExperts'>, string> = {
  unavailable: '暂不可用',
  affiliatedWithMember: '任职于申报联盟的成员单位',
  affiliatedWithRecommender: '任职于推荐单位',
  declaredConflict: '已声明与申报联盟或推荐单位存在利益冲突',
  overYearlyCap: '已达年度评审上限',
  sameOrganization: '与已选专家同在一个单位',
};

/** An empty seat in words: what the seat needs, and why no expert of the pool can take it. */
export function describeUnfilledSeat(
  seat: UnfilledSeat,
  domainLabel: string,
): { requirement: string; reason: string } {
  const requirement = `1 名${domainLabel}领域、与申报联盟和推荐单位无利益冲突、未达年度评审上限、与其他组员不在同一单位的专家`;
  const b = seat.blockers;
  if (b.domainExperts === 0) return { requirement, reason: `专家库中没有其他${domainLabel}领域的专家` };
  const counted = (Object.keys(BLOCKER_LABELS) as (keyof typeof BLOCKER_LABELS)[]).filter((k) => b[k] > 0);
  const others = `该领域其余 ${b.domainExperts} 名专家`;
  if (counted.length === 1) return { requirement, reason: `${others}均${BLOCKER_LABELS[counted[0]!]}` };
  return {
    requirement,
    reason: `${others}中，${counted.map((k) => `${b[k]} 名${BLOCKER_LABELS[k]}`).join('，')}`,
  };
}
