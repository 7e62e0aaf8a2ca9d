/** A panel whose totals lie this far apart (points of 100) is split and stands out. */
export const SPLIT_PANEL_SPREAD = 20;

/** A score as shown, everywhere alike: two decimals (85.50 beside 85.25, never 85.5). */
export function formatScore(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return value.toFixed(2);
}

export function isSplitPanel(spread: number): boolean {
  return spread >= SPLIT_PANEL_SPREAD;
}
