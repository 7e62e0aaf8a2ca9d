// Reading the dossier JSON field by field; the experts' dossier view (features/reviews) still
// does. The pilots feature reads it through the domain's parsePilotDossier instead.

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function records(value: unknown): JsonRecord[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

export function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number') return String(value);
  return null;
}

/** A code's Chinese label; an unknown code shows as itself, a missing one as "—". */
export function labelOf<K extends string>(labels: Record<K, string>, value: unknown): string {
  const code = text(value);
  if (code === null) return '—';
  return Object.hasOwn(labels, code) ? labels[code as K] : code;
}
