import type { ValueTransformer } from 'typeorm';

/**
 * A JSON column read through the kind's parse function: every read of the row (whoever reads it)
 * gets the typed value, however old the stored JSON; writes store the value as it is.
 */
export function readWith<T>(parse: (stored: unknown) => T): ValueTransformer {
  return {
    from: (stored: unknown) => (stored === null || stored === undefined ? null : parse(stored)),
    to: (value: unknown) => value,
  };
}
