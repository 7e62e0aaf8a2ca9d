import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';

// The codegen client preset's `graphql(`…`)` looks each operation up in one map of every document
// of the app (gql/gql.ts), so the first screen would download every query of every page. Importing
// the typed documents from gql/graphql.ts instead is no better: a module goes to one chunk, so that
// file, shared by every page, would land whole in the first one. At build time each call is
// therefore replaced by its document's parsed form, which then travels with the page that uses it.
// Types still come from the `graphql()` overloads; only the emitted code changes.

const GQL_IMPORT =
  /^import\s*\{\s*graphql\s*\}\s*from\s*'((?:\.\.?\/)+(?:[\w-]+\/)*gql)(?:\/index)?';?[ \t]*\n/m;
const CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
const DEFINITION = /^\s*(?:#[^\n]*\n\s*)*(query|mutation|subscription|fragment)\s+(\w+)/;
const GENERATED = /^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm;

/** The generated constant a document's first definition is exported as. */
export function documentExportName(source: string): string {
  const match = DEFINITION.exec(source);
  if (!match) throw new Error(`graphql(): no named operation or fragment in\n${source}`);
  const [, keyword, name] = match;
  return keyword === 'fragment' ? `${name}FragmentDoc` : `${name}Document`;
}

/** Each generated document of a gql/graphql.ts, by its export name, as the literal the file holds. */
export function generatedDocuments(graphqlTs: string): Map<string, string> {
  return new Map([...graphqlTs.matchAll(GENERATED)].map(([, name, literal]) => [name!, literal!]));
}

/**
 * The module with each `graphql()` call replaced by its generated document, and the `graphql`
 * import dropped; null when the module imports no `graphql`.
 */
export function inlineGraphqlDocuments(
  code: string,
  documentsOf: (gqlDir: string) => Map<string, string>,
): string | null {
  const imported = GQL_IMPORT.exec(code);
  if (!imported) return null;
  const documents = documentsOf(imported[1]!);
  const inlined = code.replace(GQL_IMPORT, '').replace(CALL, (_call, source: string) => {
    const name = documentExportName(source);
    const literal = documents.get(name);
    if (!literal) throw new Error(`graphql(): ${name} is not generated — run the codegen`);
    return `(${literal})`;
  });
  if (/\bgraphql\(/.test(inlined))
    throw new Error('graphql() must be called with one template literal without substitutions');
  return inlined;
}

export function graphqlDocuments(): Plugin {
  const cache = new Map<string, { mtimeMs: number; documents: Map<string, string> }>();
  const documentsAt = (file: string) => {
    const { mtimeMs } = statSync(file);
    const cached = cache.get(file);
    if (cached?.mtimeMs === mtimeMs) return cached.documents;
    const documents = generatedDocuments(readFileSync(file, 'utf8'));
    cache.set(file, { mtimeMs, documents });
    return documents;
  };
  return {
    name: 'xiangmeng:graphql-documents',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (id.includes('/node_modules/') || id.includes('/gql/') || !/\.tsx?$/.test(id)) return null;
      const inlined = inlineGraphqlDocuments(code, (gqlDir) =>
        documentsAt(resolve(dirname(id), gqlDir, 'graphql.ts')),
      );
      return inlined === null ? null : { code: inlined, map: null };
    },
  };
}
