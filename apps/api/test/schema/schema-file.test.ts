import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printApiSchema, SCHEMA_FILE } from '../../src/schema/emit-schema';

// The web apps' types are generated from the committed schema; a stale file means they are
// compiled against an API that no longer exists.
describe('committed schema', () => {
  it('is what the resolvers print', async () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    const printed = await printApiSchema();
    expect(committed, 'apps/api/schema.graphql is stale: run `npm run schema` and commit it').toBe(printed);
  });
});
