import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectedFields } from './selected-fields';

const schema = buildSchema(`
  type Item { id: ID! name: String! dossier: String tenant: String }
  type Query { items: [Item!]! }
`);

async function askedFor(query: string): Promise<string[]> {
  let seen: string[] = [];
  const result = await graphql({
    schema,
    source: query,
    rootValue: {
      items: (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
        seen = [...selectedFields(info)].sort();
        return [];
      },
    },
  });
  expect(result.errors).toBeUndefined();
  return seen;
}

describe('the fields a client asked for', () => {
  it('reads plain selections', async () => {
    expect(await askedFor('{ items { id name } }')).toEqual(['id', 'name']);
  });

  it('reads through named and inline fragments', async () => {
    expect(
      await askedFor(`
        query { items { id ...Parts ... on Item { tenant } } }
        fragment Parts on Item { dossier }
      `),
    ).toEqual(['dossier', 'id', 'tenant']);
  });

  it('counts a field under a directive as asked for', async () => {
    expect(await askedFor('{ items { id dossier @skip(if: true) } }')).toEqual(['dossier', 'id']);
  });
});
