import { conflictsOf, type Expert, type ReviewSubject } from './conflicts.js';

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
  subject: ReviewSubject,
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
    for (const c of conflictsOf(expert, subject))
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

export type PanelProposal = { panel: Expert[]; shortfall: null } | { panel: null; shortfall: PanelShortfall };

/**
 * Proposes a panel: experts of the domain, free of conflicts, under their yearly cap, at most
 * one per organization, the least loaded first. The search is exhaustive, so a valid panel is
 * found whenever one exists; otherwise the shortfall says why.
 */
export function proposePanel(
  pool: readonly Expert[],
  subject: ReviewSubject,
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
    else if (conflictsOf(expert, subject).length) conflicted += 1;
    else if (expert.reviewsThisYear >= request.maxReviewsPerYear) overYearlyCap += 1;
    else eligible.push(expert);
  }
  eligible.sort(
    (a, b) =>
      a.reviewsThisYear - b.reviewsThisYear || a.name.localeCompare(b.name, 'zh') || a.id.localeCompare(b.id),
  );

  const chosen: Expert[] = [];
  const taken = new Set<string>();
  const search = (from: number): boolean => {
    if (chosen.length === request.size) return true;
    for (let i = from; i < eligible.length && eligible.length - i >= request.size - chosen.length; i += 1) {
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
  if (request.size > 0 && search(0)) return { panel: [...chosen], shortfall: null };
  return {
    panel: null,
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
