import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type DefinitionNode, Kind, parse, visit } from 'graphql';

// The GraphQL operations the web apps send, read from their sources (`graphql(`…`)` for the
// codegen client preset, `gql`…`` otherwise), each with the fragments it uses.

const REPO = join(__dirname, '..', '..', '..', '..');
export const APP_SOURCE_DIRS = ['packages/web/src', 'apps/province-web/src', 'apps/city-web/src'];

export type AppOperation = { name: string; file: string; document: string };

const TEMPLATE = /(?:\bgql|\bgraphql\(\s*(?:\/\*\s*GraphQL\s*\*\/\s*)?)`([^`]*)`/g;

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    // `src/gql` is generated from these same templates.
    if (entry.isDirectory())
      return entry.name === 'gql' || entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function spreadsOf(definition: DefinitionNode): string[] {
  const names: string[] = [];
  visit(definition, { FragmentSpread: (node) => void names.push(node.name.value) });
  return names;
}

export function readAppOperations(): AppOperation[] {
  const fragments = new Map<string, string>();
  const operations: { name: string; file: string; text: string; definition: DefinitionNode }[] = [];
  for (const dir of APP_SOURCE_DIRS) {
    for (const file of sourceFiles(join(REPO, dir))) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(TEMPLATE)) {
        // Interpolated fragments (`${Fragment}`) are found by name among the templates instead.
        const text = match[1]!.replace(/\$\{[^}]*\}/g, '');
        for (const definition of parse(text).definitions) {
          const start = definition.loc!.start;
          const body = text.slice(start, definition.loc!.end);
          if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, body);
          if (definition.kind === Kind.OPERATION_DEFINITION) {
            const name = definition.name?.value ?? `anonymous ${definition.operation}`;
            operations.push({ name, file: relative(REPO, file), text: body, definition });
          }
        }
      }
    }
  }
  return operations.map(({ name, file, text, definition }) => {
    const needed = new Set<string>();
    const pending = spreadsOf(definition);
    while (pending.length) {
      const fragment = pending.pop()!;
      if (needed.has(fragment)) continue;
      needed.add(fragment);
      const body = fragments.get(fragment);
      if (body) pending.push(...spreadsOf(parse(body).definitions[0]!));
    }
    const document = [text, ...[...needed].map((f) => fragments.get(f) ?? `# missing fragment ${f}`)].join(
      '\n',
    );
    return { name, file, document };
  });
}

/** Realistic operations of the apps, checked whether or not the apps' sources hold them yet. */
export const REFERENCE_OPERATIONS: { name: string; document: string }[] = [
  {
    name: 'Viewer',
    document:
      'query Viewer { me { id username displayName roles tenant { id code name bureauName level } } }',
  },
  {
    name: 'SignInTenants',
    document: 'query SignInTenants { signInTenants { id code name bureauName level parentId } }',
  },
  {
    name: 'Divisions',
    document: 'query Divisions { divisions { tenant { id code name bureauName } userCount } }',
  },
  {
    name: 'TenantUsers',
    document:
      'query TenantUsers { users { id username displayName roles disabled createdAt lastSignInAt tenant { code } } }',
  },
  {
    name: 'Login',
    document:
      'mutation Login($input: LoginInput!) { login(input: $input) { id username roles tenant { id code level } } }',
  },
  { name: 'Logout', document: 'mutation Logout { logout }' },
  {
    name: 'CreateUser',
    document:
      'mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { id username displayName roles disabled createdAt lastSignInAt } }',
  },
  {
    name: 'CreateCityAdmin',
    document:
      'mutation CreateCityAdmin($input: CreateCityAdminInput!) { createCityAdmin(input: $input) { id username displayName tenant { code } } }',
  },
  {
    name: 'SetUserDisabled',
    document:
      'mutation SetUserDisabled($input: SetUserDisabledInput!) { setUserDisabled(input: $input) { id disabled } }',
  },
  {
    name: 'ResetUserPassword',
    document:
      'mutation ResetUserPassword($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { id } }',
  },
  {
    name: 'ChangeOwnPassword',
    document:
      'mutation ChangeOwnPassword($input: ChangeOwnPasswordInput!) { changeOwnPassword(input: $input) }',
  },
];
