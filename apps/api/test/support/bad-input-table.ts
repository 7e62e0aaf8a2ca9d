import { expect } from 'vitest';
import type { GraphqlResponse } from './harness';
import { cellTally } from './tenancy-fixtures';

/** One wrong input to a mutation and the answer it must get. */
export type BadInputRow<Op extends string, Who extends string, Fixture> = {
  op: Op;
  name: string;
  who: Who;
  variables: (f: Fixture) => Record<string, unknown>;
  code: string;
  /** [field, rule] pairs the answer must name (a field ending in * matches by prefix, a rule * any). */
  violations?: [string, string][];
};

export function namesViolation(named: [string, string][], [field, rule]: [string, string]): boolean {
  return named.some(
    ([f, r]) =>
      (field.endsWith('*') ? f.startsWith(field.slice(0, -1)) : f === field) && (rule === '*' || r === rule),
  );
}

/**
 * Each row as a test cell: HTTP 200, one error with the row's code, a Chinese message, the
 * violations named with Chinese messages (a BAD_USER_INPUT message leads with its first field),
 * and nothing written (the fingerprint of the tables the mutations touch is as before).
 */
export function badInputCells<Op extends string, Who extends string, Fixture>(spec: {
  title: string;
  table: readonly BadInputRow<Op, Who, Fixture>[];
  send: (row: BadInputRow<Op, Who, Fixture>) => Promise<GraphqlResponse>;
  fingerprint: () => Promise<string>;
  /** Runs before each row (e.g. to read the fixture's current versions). */
  before?: () => Promise<void>;
}): void {
  const { cells } = cellTally(spec.title);
  cells(
    spec.table,
    (row) =>
      `${row.op} / ${row.name} → ${row.code}${row.violations ? ` ${row.violations.map((v) => v.join(' ')).join(', ')}` : ''}`,
    async (row) => {
      await spec.before?.();
      const before = await spec.fingerprint();
      const res = await spec.send(row);
      expect(res.status).toBe(200);
      expect(res.errors?.length, JSON.stringify(res.errors)).toBe(1);
      expect(res.data ?? null).toBeNull();
      const error = res.errors![0]!;
      expect(error.extensions?.code, JSON.stringify(res.errors)).toBe(row.code);
      // Every message is Chinese, whatever the code.
      expect(error.message).toMatch(/[\u4e00-\u9fff]/);
      const violations = (error.extensions?.violations ?? []) as {
        field: string;
        rule: string;
        message: string;
      }[];
      const named = violations.map((v): [string, string] => [v.field, v.rule]);
      for (const expected of row.violations ?? [])
        expect(namesViolation(named, expected), JSON.stringify(named)).toBe(true);
      for (const v of violations) expect(v.message).toMatch(/[\u4e00-\u9fff]/);
      if (row.code === 'BAD_USER_INPUT')
        expect(error.message.startsWith(`${violations[0]!.field}:`)).toBe(true);
      expect(await spec.fingerprint()).toBe(before);
    },
  );
}

/** A digest of every row of `tables` and the audit chain's length and head. */
export function tablesFingerprintSql(tables: readonly string[]): string {
  return [
    ...tables.map(
      (t) =>
        `SELECT '${t}' AS part, count(*) || ':' || md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) AS digest FROM ${t} x`,
    ),
    `SELECT 'audit_event', count(*) || ':' || coalesce(max(id), 0) FROM audit_event`,
  ].join(' UNION ALL ');
}
