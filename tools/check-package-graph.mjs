#!/usr/bin/env node
// `turbo run lint` runs this first (root task lint:workspace). It fails when a workspace package
// imports or requires another workspace package (by name or by a relative path into its folder)
// that it does not declare in its package.json, or when the declared dependencies between
// workspace packages form a cycle (devDependencies count: npm links them and turbo's ^build
// follows them). An undeclared import is a cycle nobody sees: the one between the API and infra
// stayed hidden that way.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE = /\.(?:[cm]?[jt]sx?)$/;
const SKIP_DIRS = new Set([
  'node_modules',
  'dist',
  '.turbo',
  'coverage',
  'test-results',
  'playwright-report',
  'gql',
]);
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/** The workspace packages named by the root package.json: `{ name, dir, declared }`. */
export function readWorkspace(root) {
  const { workspaces = [] } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const dirs = workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [join(root, pattern)];
    const parent = join(root, pattern.slice(0, -2));
    if (!existsSync(parent)) return [];
    return readdirSync(parent, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(parent, entry.name));
  });
  return dirs
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      const declared = new Set(DEPENDENCY_FIELDS.flatMap((field) => Object.keys(manifest[field] ?? {})));
      return { name: manifest.name, dir, declared };
    });
}

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIP_DIRS.has(entry.name) ? [] : sourceFiles(path);
    return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Module specifiers a source text imports, exports from, requires or resolves (quoted literals only). */
export function specifiersIn(text) {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\w])\/\/.*$/gm, '$1');
  const found = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\b(?:import|require|require\.resolve)\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.push(match[1]);
  return found;
}

const packageOf = (specifier) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];

const inside = (path, dir) => path === dir || path.startsWith(dir + sep);

/** Imports of workspace packages a package does not declare, and relative paths into other packages. */
export function undeclaredImports(packages, filesOf = (pkg) => sourceFiles(pkg.dir)) {
  const byName = new Map(packages.map((pkg) => [pkg.name, pkg]));
  const problems = [];
  for (const pkg of packages) {
    for (const file of filesOf(pkg)) {
      for (const specifier of specifiersIn(readFileSync(file, 'utf8'))) {
        const where = relative(process.cwd(), file);
        if (specifier.startsWith('.')) {
          const target = resolve(dirname(file), specifier);
          const owner = packages.find((other) => other !== pkg && inside(target, other.dir));
          // By path is sometimes needed (Vite configs cannot load a package's .ts), never undeclared.
          if (owner && !inside(target, pkg.dir) && !pkg.declared.has(owner.name)) {
            problems.push(
              `${where}: '${specifier}' reaches into ${owner.name}, which ${pkg.name} does not declare`,
            );
          }
          continue;
        }
        const name = packageOf(specifier);
        if (byName.has(name) && name !== pkg.name && !pkg.declared.has(name)) {
          problems.push(`${where}: imports ${name}, which ${pkg.name} does not declare in its package.json`);
        }
      }
    }
  }
  return problems;
}

/** Every elementary cycle among the workspace packages' declared dependencies, once each. */
export function dependencyCycles(packages) {
  const names = new Set(packages.map((pkg) => pkg.name));
  const edges = new Map(
    packages.map((pkg) => [pkg.name, [...pkg.declared].filter((n) => names.has(n)).sort()]),
  );
  const cycles = new Map();
  const visit = (name, path) => {
    const at = path.indexOf(name);
    if (at >= 0) {
      const cycle = path.slice(at);
      // One rotation per cycle: start at its smallest name.
      const start = cycle.indexOf([...cycle].sort()[0]);
      const key = [...cycle.slice(start), ...cycle.slice(0, start)];
      cycles.set(key.join(' → '), key);
      return;
    }
    for (const next of edges.get(name) ?? []) visit(next, [...path, name]);
  };
  for (const name of [...names].sort()) visit(name, []);
  return [...cycles.values()].map((cycle) => [...cycle, cycle[0]].join(' → '));
}

function main() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const packages = readWorkspace(root);
  const problems = [
    ...undeclaredImports(packages),
    ...dependencyCycles(packages).map(
      (cycle) => `workspace packages depend on each other in a cycle: ${cycle}`,
    ),
  ];
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exitCode = 1;
    return;
  }
  console.log(`${packages.length} workspace packages: every import of one another declared, no cycle.`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
