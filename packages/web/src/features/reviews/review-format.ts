import type { FormInstance } from 'antd';
import type { ApiError } from '../../shared/api-error';

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

/**
 * Puts each violation naming one of `fields` beside that form field; returns what is left (for an
 * alert listing it line by line), or null when everything was placed.
 */
export function placeViolations(
  form: FormInstance,
  error: ApiError,
  fields: readonly string[],
): ApiError | null {
  const byField = new Map<string, string[]>();
  const rest = error.violations.filter((v) => {
    const name = v.field.replace(/^input\./, '').replace(/^expert\./, '');
    if (!fields.includes(name)) return true;
    byField.set(name, [...(byField.get(name) ?? []), v.message]);
    return false;
  });
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  if (error.violations.length > 0 && rest.length === 0) return null;
  return { ...error, violations: rest };
}
