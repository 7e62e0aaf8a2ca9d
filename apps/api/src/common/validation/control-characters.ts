import {
  checkControlCharacters,
  CONTROL_CHARACTER,
  FIELD_RULE_MESSAGES,
  type FieldViolation,
} from '@xiangmeng/domain';
import { violation } from '../errors/app-error';

// Enough to show every field of a form; a body of ten thousand bad strings gets no longer answer.
export const MAX_CONTROL_CHARACTER_VIOLATIONS = 20;

/** Collects one violation per field whose text holds a control character. */
export class ControlCharacterViolations {
  readonly found: FieldViolation[] = [];

  get full(): boolean {
    return this.found.length >= MAX_CONTROL_CHARACTER_VIOLATIONS;
  }

  checkText(text: string, field: string): void {
    if (this.full || checkControlCharacters(text) === null) return;
    this.found.push(violation(field, CONTROL_CHARACTER, FIELD_RULE_MESSAGES[CONTROL_CHARACTER]!));
  }

  /**
   * Any JSON-like value (a JSONObject scalar, a REST body): every string in it, object keys
   * included, since PostgreSQL refuses NUL in jsonb keys as in text. A bad key is reported on
   * the object that holds it, so the answer never repeats the control character.
   */
  checkValue(value: unknown, field: string): void {
    if (this.full) return;
    if (typeof value === 'string') {
      this.checkText(value, field);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => this.checkValue(item, `${field}.${i}`));
    } else if (isPlainObject(value)) {
      for (const [key, item] of Object.entries(value)) {
        if (checkControlCharacters(key) !== null) this.checkText(key, field);
        else this.checkValue(item, joinPath(field, key));
      }
    }
  }
}

export function joinPath(field: string, key: string): string {
  return field ? `${field}.${key}` : key;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
