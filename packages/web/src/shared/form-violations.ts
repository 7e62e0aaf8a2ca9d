import type { FormInstance } from 'antd';
import type { ApiError } from './api-error';

type FieldPath = (string | number)[];

/** A violation's dotted field (`tasks.0.task`) as a form path (`['tasks', 0, 'task']`). */
export function dottedPath(field: string): FieldPath {
  return field
    .replace(/^input\./, '')
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts each violation on the form field it names, nested fields included; `toPath` translates
 * a field of the API's input to the form's own path (or null when the form has no such field).
 * Returns the text to show above the form for what could not be placed, or null.
 */
export function showViolationsOnForm(
  form: FormInstance,
  error: ApiError,
  toPath: (field: string) => FieldPath | null = dottedPath,
): string | null {
  if (error.violations.length === 0) return error.message;
  const registered = new Set(form.getFieldsError().map(({ name }) => JSON.stringify(name)));
  const byField = new Map<string, { name: FieldPath; errors: string[] }>();
  const unplaced: string[] = [];
  for (const { field, message } of error.violations) {
    const name = toPath(field);
    const key = name ? JSON.stringify(name) : null;
    if (!name || !key || !registered.has(key)) {
      unplaced.push(message);
      continue;
    }
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return unplaced.length > 0 ? unplaced.join('；') : null;
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

/**
 * Puts beside each form field the violations of the API fields and guards it answers for (listed
 * in `byField`, names as the API sends them); returns what is left for the alert, or null when
 * everything was placed.
 */
export function placeViolationsByField(
  form: FormInstance,
  error: ApiError,
  byField: Readonly<Record<string, readonly string[]>>,
): ApiError | null {
  const placed = new Set<ApiError['violations'][number]>();
  for (const [name, apiFields] of Object.entries(byField)) {
    const onField = error.violations.filter((v) => apiFields.includes(v.field));
    if (onField.length === 0) continue;
    form.setFields([{ name, errors: onField.map((v) => v.message) }]);
    onField.forEach((v) => placed.add(v));
  }
  const rest = error.violations.filter((v) => !placed.has(v));
  return placed.size > 0 && rest.length === 0 ? null : { ...error, violations: rest };
}
