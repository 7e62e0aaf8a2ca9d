import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asAdmin,
  createUser,
  type GraphqlAgent,
  signedInAgent,
  startTestApi,
  type TestApi,
  tenantId,
} from '../support/harness';
import { dataOf, Q } from '../support/register-client';

// The register sorts by registration, name and founding date, and pages through each order by
// keyset: every alliance once, in order, whatever the page size.

type Row = { id: string; name: string; foundedOn: string };
type Page = { alliances: { nodes: Row[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } };

const COUNT = 7;

describe('register orders', () => {
  let api: TestApi;
  let agent: GraphqlAgent;
  const tag = `排序${randomBytes(3).toString('hex')}`;
  // Registered in this order; names and founding dates deliberately in others, two on one date.
  const seeded = Array.from({ length: COUNT }, (_, i) => ({
    id: randomUUID(),
    name: `${tag}联盟-${String((i * 3) % COUNT).padStart(2, '0')}`,
    foundedOn: `2024-0${1 + ((i * 5) % 4)}-1${i % 2}`,
    createdAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
  }));

  beforeAll(async () => {
    const province = await tenantId('430000');
    const host = randomUUID();
    await asAdmin(async (c) => {
      await c.query(
        `INSERT INTO organization (id, credit_code, name, type, legal_representative, added_by_tenant_id)
         VALUES ($1, $2, $3, 'UNIVERSITY', '李志强', $4)`,
        [
          host,
          `12430000${randomBytes(5).toString('hex').toUpperCase()}`.slice(0, 17) + '0',
          `${tag}大学`,
          province,
        ],
      );
      for (const a of seeded) {
        await c.query(
          `INSERT INTO alliance (id, tenant_id, name, industry_code, founded_on, liable_entity, executive_full_time_staff,
                                 host_organization_id, created_at)
           VALUES ($1, $2, $3, 'SE0201', $4, '理事长单位', 2, $5, $6)`,
          [a.id, province, a.name, a.foundedOn, host, a.createdAt],
        );
      }
    });
    api = await startTestApi();
    agent = await signedInAgent(api, await createUser('430000', ['PROVINCE_OFFICER'], 'order'));
  });
  afterAll(async () => {
    await api?.close();
  });

  async function everyPage(orderBy: string | undefined, first: number): Promise<string[]> {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages <= COUNT; pages += 1) {
      const { alliances }: Page = dataOf(
        await agent.send<Page>(Q.alliances, { filter: { search: tag }, first, after, orderBy }),
      );
      seen.push(...alliances.nodes.map((n) => n.id));
      if (!alliances.pageInfo.hasNextPage) return seen;
      after = alliances.pageInfo.endCursor;
    }
    throw new Error('the register never reached its last page');
  }

  const byKey = (key: (a: (typeof seeded)[number]) => string, direction: 1 | -1) =>
    [...seeded]
      .sort((a, b) => direction * (key(a).localeCompare(key(b)) || a.id.localeCompare(b.id)))
      .map((a) => a.id);

  it.each([
    { orderBy: undefined, expected: () => byKey((a) => a.createdAt, -1) },
    { orderBy: 'NEWEST', expected: () => byKey((a) => a.createdAt, -1) },
    { orderBy: 'NAME', expected: () => byKey((a) => a.name, 1) },
    { orderBy: 'FOUNDED_NEWEST', expected: () => byKey((a) => a.foundedOn, -1) },
    { orderBy: 'FOUNDED_OLDEST', expected: () => byKey((a) => a.foundedOn, 1) },
  ])('$orderBy: every alliance once, in order, in pages of 1, 2 and 20', async ({ orderBy, expected }) => {
    for (const first of [1, 2, 20]) {
      expect(await everyPage(orderBy, first)).toEqual(expected());
    }
  });
});
