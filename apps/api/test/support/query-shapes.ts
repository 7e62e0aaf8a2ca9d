import {
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  Lexer,
  parse,
  Source,
  TokenKind,
} from 'graphql';
import { QUERY_LIMITS } from '../../src/app.module';

// Generated operations that sit exactly at one of the API's query limits, or one past it, in
// several shapes (plain, fragment-wrapped, inside or named `__schema`). Each shape reports its own
// measure so a test can check the generator before it checks the server.

export type LimitName = 'depth' | 'aliases' | 'tokens' | 'cost' | 'directives';

export type Shape = {
  limit: LimitName;
  name: string;
  /** Valid GraphQL against the schema, so that at the limit the server must answer it. */
  validIn: 'development' | 'both' | 'neither';
  build(n: number): string;
};

export const LIMIT_VALUES: Record<LimitName, number> = {
  depth: QUERY_LIMITS.maxDepth,
  aliases: QUERY_LIMITS.maxAliases,
  tokens: QUERY_LIMITS.maxTokens,
  cost: QUERY_LIMITS.costLimit,
  directives: QUERY_LIMITS.maxDirectives,
};

/** The message of the refusal one past the limit: graphql-armor's, with its own count, or graphql's parser's. */
export const REJECTION: Record<LimitName, (limit: number) => RegExp> = {
  depth: (n) => new RegExp(`depth limit of ${n} exceeded, found ${n + 1}\\.`),
  aliases: (n) => new RegExp(`Aliases limit of ${n} exceeded, found ${n + 1}\\.`),
  tokens: (n) => new RegExp(`Document contains more that ${n} tokens`),
  cost: (n) => new RegExp(`Cost limit of ${n} exceeded, found ${n + 1}\\.`),
  directives: (n) => new RegExp(`Directives limit of ${n} exceeded, found ${n + 1}\\.`),
};

const repeat = (text: string, times: number) =>
  Array.from({ length: Math.max(0, times) }, () => text).join(' ');
const aliases = (prefix: string, count: number, field = '__typename') =>
  Array.from({ length: Math.max(0, count) }, (_, i) => `${prefix}${i}: ${field}`).join(' ');

/** `a { b { c { leaf } } }` */
function nest(fields: string[], leaf: string): string {
  return fields.reduceRight((inner, field) => `${field} { ${inner} }`, leaf);
}

// The introspection chain gives arbitrarily deep valid selections: __Type.ofType is a __Type.
const chain = (depth: number) => [
  '__schema',
  'types',
  'fields',
  'type',
  ...Array<string>(depth - 5).fill('ofType'),
];

// ---- measures, counted the way graphql-armor counts them ----

function fragmentsOf(doc: DocumentNode): Map<string, FragmentDefinitionNode> {
  const map = new Map<string, FragmentDefinitionNode>();
  for (const def of doc.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) map.set(def.name.value, def);
  return map;
}

function operationOf(doc: DocumentNode) {
  const op = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!op) throw new Error('no operation');
  return op;
}

type Selectable = ASTNode & { selectionSet?: { selections: readonly ASTNode[] } };

/** Depth with fragments flattened (`flattenFragments: true`), introspection counted. */
export function depthOf(query: string): number {
  const doc = parse(query);
  const fragments = fragmentsOf(doc);
  const walk = (node: Selectable, parent: number): number => {
    let depth = parent;
    if (node.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments.get(node.name.value);
      return fragment ? walk(fragment, parent) : parent;
    }
    for (const child of node.selectionSet?.selections ?? []) {
      const flat = child.kind === Kind.INLINE_FRAGMENT || child.kind === Kind.FRAGMENT_SPREAD;
      depth = Math.max(depth, walk(child, flat ? parent : parent + 1));
    }
    return depth;
  };
  return walk(operationOf(doc), 0);
}

/** Aliases, fragments counted at every spread. */
export function aliasesOf(query: string): number {
  const doc = parse(query);
  const fragments = fragmentsOf(doc);
  const walk = (node: Selectable): number => {
    if (node.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments.get(node.name.value);
      return fragment ? walk(fragment) : 0;
    }
    const own = node.kind === Kind.FIELD && node.alias ? 1 : 0;
    return (
      own + (node.selectionSet?.selections ?? []).reduce((sum, child) => sum + walk(child as Selectable), 0)
    );
  };
  return walk(operationOf(doc));
}

export function directivesOf(query: string): number {
  const doc = parse(query);
  const fragments = fragmentsOf(doc);
  const walk = (node: Selectable & { directives?: readonly unknown[] }): number => {
    let count = node.directives?.length ?? 0;
    if (node.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments.get(node.name.value);
      return count + (fragment ? walk(fragment) : 0);
    }
    for (const child of node.selectionSet?.selections ?? []) count += walk(child);
    return count;
  };
  return walk(operationOf(doc));
}

export function tokensOf(query: string): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  return count;
}

// graphql-armor's cost: scalar 1, object 2 + 1.5 × children, a fragment spread 1 + 1.5 × the
// fragment (cached after its first visit), fragments not flattened.
export function costOf(query: string): number {
  const doc = parse(query);
  const fragments = fragmentsOf(doc);
  const visited = new Map<string, number>();
  const compute = (node: Selectable): number => {
    if (node.kind === Kind.OPERATION_DEFINITION) {
      return (node.selectionSet?.selections ?? []).reduce(
        (sum, child) => sum + compute(child as Selectable),
        0,
      );
    }
    let cost = 1;
    if (node.selectionSet) {
      cost = 2;
      for (const child of node.selectionSet.selections) cost += 1.5 * compute(child);
    } else if (node.kind === Kind.FRAGMENT_SPREAD) {
      const name = node.name.value;
      if (visited.has(name)) return cost + 1.5 * (visited.get(name) ?? 0);
      visited.set(name, -1);
      const fragment = fragments.get(name);
      if (fragment) {
        const fragmentCost = compute(fragment);
        cost += 1.5 * fragmentCost;
        if (visited.get(name) === -1) visited.set(name, fragmentCost);
      }
    }
    return cost;
  };
  return compute(operationOf(doc));
}

export const MEASURES: Record<LimitName, (query: string) => number> = {
  depth: depthOf,
  aliases: aliasesOf,
  tokens: tokensOf,
  cost: costOf,
  directives: directivesOf,
};

/**
 * Exactly `n` cost: the largest whole-numbered cost of `body(m)` not above `n`, topped up with
 * `__typename` at the root (1 each).
 */
function costExactly(n: number, body: (m: number) => { selection: string; fragments?: string }): string {
  let best: { m: number; cost: number } | null = null;
  for (let m = 1; m < 10_000; m += 1) {
    const { selection, fragments = '' } = body(m);
    const cost = costOf(`{ ${selection} } ${fragments}`);
    if (cost > n) break;
    if (Number.isInteger(cost)) best = { m, cost };
  }
  if (!best) throw new Error(`no whole-numbered cost at or below ${n}`);
  const { selection, fragments = '' } = body(best.m);
  return `{ ${selection} ${repeat('__typename', n - best.cost)} } ${fragments}`;
}

const createUserWith = (roles: string) =>
  `mutation { createUser(input: { username: "limit", displayName: "limit", password: "limit", roles: [${roles}] }) { id } }`;

/** Exactly `n` tokens: the template padded with one-token enum values. */
function tokensExactly(n: number, template: (roles: string) => string): string {
  const fixed = tokensOf(template(''));
  return template(repeat('EXPERT', n - fixed));
}

export const SHAPES: Shape[] = [
  // depth
  {
    limit: 'depth',
    name: 'introspection chain',
    validIn: 'development',
    build: (n) => `{ ${nest(chain(n).slice(0, n - 1), 'name')} }`,
  },
  {
    limit: 'depth',
    name: 'named fragments',
    validIn: 'development',
    build: (n) =>
      `query { ...A } fragment A on Query { __schema { ...B } } fragment B on __Schema { types { ...C } } ` +
      `fragment C on __Type { ${nest(chain(n).slice(2, n - 1), 'name')} }`,
  },
  {
    limit: 'depth',
    name: 'inline fragments',
    validIn: 'development',
    build: (n) =>
      `{ ... on Query { __schema { ... on __Schema { ${nest(chain(n).slice(1, n - 1), 'name')} } } } }`,
  },
  {
    limit: 'depth',
    name: 'operation named __schema',
    validIn: 'development',
    build: (n) => `query __schema { ${nest(chain(n).slice(0, n - 1), 'name')} }`,
  },
  {
    limit: 'depth',
    name: 'alias __schema over plain fields',
    validIn: 'neither',
    build: (n) => `{ __schema: ${nest(['me', ...Array<string>(n - 2).fill('tenant')], 'id')} }`,
  },
  // aliases
  { limit: 'aliases', name: 'plain', validIn: 'both', build: (n) => `{ ${aliases('a', n)} }` },
  {
    limit: 'aliases',
    name: 'fragment spread twice',
    validIn: 'both',
    build: (n) =>
      `query { ...A ...A ${aliases('b', n - 2 * Math.floor(n / 2))} } fragment A on Query { ${aliases('a', Math.floor(n / 2))} }`,
  },
  {
    limit: 'aliases',
    name: 'alias named __schema',
    validIn: 'both',
    build: (n) => `{ __schema: __typename ${aliases('a', n - 1)} }`,
  },
  {
    limit: 'aliases',
    name: 'inside __schema',
    validIn: 'development',
    build: (n) => `{ __schema { ${aliases('a', n, 'description')} } }`,
  },
  // tokens: padded with enum literals, since ~2000 repeated fields trip graphql's own
  // overlapping-fields budget first. Signed out, createUser stops at the access guard.
  {
    limit: 'tokens',
    name: 'list literal',
    validIn: 'both',
    build: (n) => tokensExactly(n, (roles) => createUserWith(roles)),
  },
  {
    limit: 'tokens',
    name: 'named fragment',
    validIn: 'both',
    build: (n) =>
      tokensExactly(
        n,
        (roles) =>
          `mutation { ...F } fragment F on Mutation { ${createUserWith(roles).slice('mutation {'.length, -1)} }`,
      ),
  },
  {
    limit: 'tokens',
    name: 'operation named __schema',
    validIn: 'both',
    build: (n) =>
      tokensExactly(n, (roles) => createUserWith(roles).replace(/^mutation/, 'mutation __schema')),
  },
  // cost
  {
    limit: 'cost',
    name: 'fragment spreads',
    validIn: 'both',
    build: (n) =>
      costExactly(n, (m) => ({
        selection: `me { tenant { ${repeat('...T', m)} } }`,
        fragments: 'fragment T on Tenant { id id id id }',
      })),
  },
  {
    limit: 'cost',
    name: 'introspection chains',
    validIn: 'development',
    build: (n) =>
      costExactly(n, (m) => ({ selection: repeat(nest(chain(10).slice(0, 5), repeat('name', 16)), m) })),
  },
  {
    limit: 'cost',
    name: '__schema with fragment spreads',
    validIn: 'development',
    build: (n) =>
      costExactly(n, (m) => ({
        selection: `__schema { types { ${repeat('...F', m)} } }`,
        fragments: 'fragment F on __Type { name name }',
      })),
  },
  // directives
  {
    limit: 'directives',
    name: 'plain',
    validIn: 'both',
    build: (n) => `{ ${repeat('__typename @include(if: true)', n)} }`,
  },
  // Not on repeated spreads of one fragment: graphql-armor counts a spread's own directives only the
  // first time (max-directives 2.3.1); the token limit still bounds them (7 tokens each).
  {
    limit: 'directives',
    name: 'inside a fragment',
    validIn: 'both',
    build: (n) => `query { ...F } fragment F on Query { ${repeat('__typename @include(if: true)', n)} }`,
  },
];
