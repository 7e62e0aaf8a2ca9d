import {
  booleanOrNull,
  numberOrNull,
  objectOf,
  objectOrNull,
  textOrNull,
} from '../applications/stored-json.js';
import type { FilingSnapshot } from './filing-snapshot.js';

// What the filing kind stores for the engine: its dossier is the frozen snapshot, its decision
// basis what the province decided on. No older shapes exist yet (filings are new), so the readers
// only refuse what is not the shape at all.

/** The snapshot as stored, or null when nothing (or something else) was frozen. */
export function parseFilingSnapshot(stored: unknown): FilingSnapshot | null {
  const value = objectOrNull(stored);
  if (!value || !objectOrNull(value.alliance) || !Array.isArray(value.members)) return null;
  return value as FilingSnapshot;
}

export type FilingDecisionBasis = {
  /** The reason or opinion the decision was taken with. */
  reason: string | null;
  /** 湘盟备〔YYYY〕N号 once filed. */
  filingNumber: string | null;
  /** The review's total and whether it passed, when the round asked for experts. */
  reviewTotal: number | null;
  passes: boolean | null;
};

export function parseFilingDecisionBasis(stored: unknown): FilingDecisionBasis | null {
  const value = objectOrNull(stored);
  if (!value) return null;
  const basis = objectOf(value);
  return {
    reason: textOrNull(basis.reason),
    filingNumber: textOrNull(basis.filingNumber),
    reviewTotal: numberOrNull(basis.reviewTotal),
    passes: booleanOrNull(basis.passes),
  };
}
