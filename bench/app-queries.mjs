// The operations the apps send, read from the codegen's output (each app's gql/graphql.ts), so a
// scenario measures exactly what a page asks for, fragments included.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { print } from 'graphql';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const GENERATED = {
  shared: 'packages/web/src/gql/graphql.ts',
  province: 'apps/province-web/src/gql/graphql.ts',
};
const cache = new Map();

/** The query text of operation `name` as the app (`shared` pages, or the province app's own) sends it. */
export function appQuery(name, app = 'shared') {
  if (!cache.has(app)) cache.set(app, readFileSync(join(REPO, GENERATED[app]), 'utf8'));
  const match = new RegExp(
    `^export const ${name}Document = (\\{.*\\}) as unknown as DocumentNode<`,
    'm',
  ).exec(cache.get(app));
  if (!match) throw new Error(`${name} is not an operation of ${GENERATED[app]}`);
  return print(JSON.parse(match[1]));
}
