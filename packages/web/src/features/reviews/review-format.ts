/** A panel whose totals lie this far apart (points of 100) is split and stands out. */
export const SPLIT_PANEL_SPREAD = 20;

/** A score as shown: at most two decimals, no trailing zeros. */
export function formatScore(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return String(Math.round(value * 100) / 100);
}

export function isSplitPanel(spread: number): boolean {
  return spread >= SPLIT_PANEL_SPREAD;
}
