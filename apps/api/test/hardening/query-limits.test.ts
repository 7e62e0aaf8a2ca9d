import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_LIMITS } from '../../src/app.module';
import { readAppOperations, REFERENCE_OPERATIONS } from '../support/app-operations';
import { type GraphqlResponse, startTestApi, type TestApi } from '../support/harness';
import { LIMIT_VALUES, MEASURES, REJECTION, SHAPES } from '../support/query-shapes';

// Depth, alias, token, cost and directive limits: generated operations exactly at each limit are
// answered, one past it are refused, in every shape; the apps' own operations pass them all.

const REQUEST_ERRORS = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']);

function refusedFor(res: GraphqlResponse): string[] {
  return (res.errors ?? [])
    .filter((e) => REQUEST_ERRORS.has(String(e.extensions?.code)))
    .map((e) => e.message);
}

describe.each([
  { mode: 'development', production: false },
  { mode: 'production', production: true },
] as const)('query limits ($mode)', ({ production }) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ production });
  });
  afterAll(async () => {
    await api.close();
  });

  it('generates every shape exactly at its limit and one past it', () => {
    for (const shape of SHAPES) {
      const limit = LIMIT_VALUES[shape.limit];
      const measure = MEASURES[shape.limit];
      expect(measure(shape.build(limit)), `${shape.limit} / ${shape.name}`).toBe(limit);
      expect(measure(shape.build(limit + 1)), `${shape.limit} / ${shape.name}`).toBe(limit + 1);
      // A shape tests one limit: it stays inside the others.
      for (const other of ['depth', 'aliases', 'tokens', 'cost', 'directives'] as const) {
        if (other === shape.limit) continue;
        expect(MEASURES[other](shape.build(limit + 1)), `${shape.name} within ${other}`).toBeLessThanOrEqual(
          LIMIT_VALUES[other],
        );
      }
    }
  });

  it('answers operations exactly at the limit', async () => {
    const valid = SHAPES.filter((s) => s.validIn === 'both' || (s.validIn === 'development' && !production));
    expect(valid.length).toBeGreaterThan(production ? 5 : 10);
    const refused: string[] = [];
    for (const shape of valid) {
      const res = await api.agent().send(shape.build(LIMIT_VALUES[shape.limit]));
      // Answered: parsed, validated and run (the signed-out mutations stop at the access guard).
      const ran =
        res.status === 200 &&
        (res.data !== undefined || res.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED');
      if (!ran || refusedFor(res).length)
        refused.push(`${shape.limit} / ${shape.name}: ${JSON.stringify(res.errors)}`);
    }
    expect(refused).toEqual([]);
  });

  it('refuses every operation one past the limit (400, nothing run, the limit named)', async () => {
    const outcomes: { shape: string; refused: boolean; detail: string }[] = [];
    for (const shape of SHAPES) {
      const limit = LIMIT_VALUES[shape.limit];
      const res = await api.agent().send(shape.build(limit + 1));
      const refused =
        res.status === 400 &&
        (res.data ?? null) === null &&
        refusedFor(res).some((m) => REJECTION[shape.limit](limit).test(m));
      outcomes.push({
        shape: `${shape.limit} / ${shape.name}`,
        refused,
        detail: `${res.status} ${JSON.stringify(res.errors)}`,
      });
    }
    const rejectedPercent = (100 * outcomes.filter((o) => o.refused).length) / outcomes.length;
    expect(outcomes.filter((o) => !o.refused)).toEqual([]);
    expect(rejectedPercent).toBe(100);
  });

  it("passes the apps' own operations", async () => {
    const fromSources = readAppOperations();
    const operations = [...fromSources, ...REFERENCE_OPERATIONS.map((op) => ({ ...op, file: 'reference' }))];
    expect(operations.length).toBeGreaterThanOrEqual(REFERENCE_OPERATIONS.length);
    const refused: string[] = [];
    for (const op of operations) {
      // No variables: an operation that passes parsing and validation stops at variable coercion
      // or at the access guard, and nothing is written.
      const res = await api.agent().send(op.document);
      const problems = refusedFor(res);
      if (problems.length) refused.push(`${op.name} (${op.file}): ${problems.join('; ')}`);
      for (const limit of ['depth', 'aliases', 'tokens', 'cost', 'directives'] as const) {
        const value = MEASURES[limit](op.document);
        if (value > LIMIT_VALUES[limit]) refused.push(`${op.name}: ${limit} ${value}`);
      }
    }
    expect(refused).toEqual([]);
  });
});

it('keeps the limits the apps were written against', () => {
  expect(QUERY_LIMITS).toMatchObject({ maxDepth: 10, maxAliases: 15, costLimit: 5000, maxTokens: 2000 });
});
