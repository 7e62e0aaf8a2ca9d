import { listOf, numberOrNull, objectOf, objectOrNull, textOrNull, booleanOrNull } from '../applications/stored-json.js';
import type { FieldViolation } from '../errors/error-codes.js';

// Acceptance (验收) of a project: the responsible unit's side asks for it with the final report —
// a written summary against the task contract's targets and indicators, and the documents it
// rests on — and the awarding authority's expert panel reviews it with the score sheets every
// panel uses. What review reads of the award (the alliance, the measures version) is kept with
// the request, so the panel and the experts read it without reaching the award's application.

export const FINAL_REPORT_MAX = 5000;
export const FINAL_REPORT_DOCUMENTS_MAX = 20;

export type ProjectAcceptance = {
  requestedOn: string;
  finalReport: string;
  /** Documents the alliance uploaded (the documents module), cited by the report. */
  documentIds: string[];
  alliance: { id: string; name: string; industryCode: string | null };
  /** The measures version the award was made under: its review rules apply to acceptance. */
  measures: { id: string; tenantId: string; versionNo: number } | null;
  reviewStartedOn: string | null;
  reviewedOn: string | null;
  /** The panel's aggregate when review finished. */
  review: { total: number; passes: boolean } | null;
};

export type AcceptanceRequestInput = { finalReport: string; documentIds: readonly string[] };

const v = (field: string, rule: string, message: string): FieldViolation => ({ field, rule, message });

/**
 * The request names a written final report and at least one document; `owned` are those of the
 * documents that the alliance itself uploaded (the others are refused by position).
 */
export function acceptanceRequestViolations(
  input: AcceptanceRequestInput,
  owned: ReadonlySet<string>,
): FieldViolation[] {
  const violations: FieldViolation[] = [];
  const report = input.finalReport.trim();
  if (!report) violations.push(v('finalReport', 'REQUIRED', '请填写项目总结报告（对照任务书的目标和考核指标）'));
  else if ([...report].length > FINAL_REPORT_MAX)
    violations.push(v('finalReport', 'TOO_LONG', `总结报告不能超过 ${FINAL_REPORT_MAX} 个字`));
  if (input.documentIds.length === 0)
    violations.push(v('documentIds', 'REQUIRED', '请附上总结报告及验收材料（至少一份文件）'));
  else if (input.documentIds.length > FINAL_REPORT_DOCUMENTS_MAX) {
    violations.push(v('documentIds', 'TOO_MANY', `验收材料至多 ${FINAL_REPORT_DOCUMENTS_MAX} 份`));
    return violations;
  }
  const seen = new Set<string>();
  input.documentIds.forEach((id, i) => {
    if (seen.has(id)) violations.push(v(`documentIds.${i}`, 'DUPLICATE', '同一文件不能重复附上'));
    else if (!owned.has(id)) violations.push(v(`documentIds.${i}`, 'NOT_FOUND', '只能附上本联盟上传的文件'));
    seen.add(id);
  });
  return violations;
}

/** The stored request, or null when there is none; what is malformed reads as absent. */
export function parseProjectAcceptance(value: unknown): ProjectAcceptance | null {
  const a = objectOrNull(value);
  if (!a) return null;
  const alliance = objectOf(a.alliance);
  const measures = objectOrNull(a.measures);
  const review = objectOrNull(a.review);
  const total = review ? numberOrNull(review.total) : null;
  const passes = review ? booleanOrNull(review.passes) : null;
  return {
    requestedOn: textOrNull(a.requestedOn) ?? '',
    finalReport: textOrNull(a.finalReport) ?? '',
    documentIds: listOf(a.documentIds).flatMap((id) => (typeof id === 'string' ? [id] : [])),
    alliance: {
      id: textOrNull(alliance.id) ?? '',
      name: textOrNull(alliance.name) ?? '',
      industryCode: textOrNull(alliance.industryCode),
    },
    measures:
      measures && typeof measures.id === 'string' && typeof measures.tenantId === 'string'
        ? { id: measures.id, tenantId: measures.tenantId, versionNo: numberOrNull(measures.versionNo) ?? 0 }
        : null,
    reviewStartedOn: textOrNull(a.reviewStartedOn),
    reviewedOn: textOrNull(a.reviewedOn),
    review: total !== null && passes !== null ? { total, passes } : null,
  };
}
