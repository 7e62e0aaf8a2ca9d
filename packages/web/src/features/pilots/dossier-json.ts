// Reading the dossier the API froze at submission (JSON) without trusting its shape.

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as an object, or null when it is anything else. */
export function record(value: unknown): JsonRecord | null {
  return isRecord(value) ? value : null;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function records(value: unknown): JsonRecord[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

export function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number') return String(value);
  return null;
}

/** The first of `keys` that holds text. */
export function pick(source: JsonRecord | null, ...keys: string[]): string | null {
  if (!source) return null;
  for (const key of keys) {
    const found = text(source[key]);
    if (found !== null) return found;
  }
  return null;
}

/** A code's Chinese label; an unknown code shows as itself, a missing one as "—". */
export function labelOf<K extends string>(labels: Record<K, string>, value: unknown): string {
  const code = text(value);
  if (code === null) return '—';
  return Object.hasOwn(labels, code) ? labels[code as K] : code;
}
