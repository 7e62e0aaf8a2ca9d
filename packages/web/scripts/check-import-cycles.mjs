// Fails when modules under a source folder import each other in a circle (run by `npm run lint`).
// Usage: node scripts/check-import-cycles.mjs <srcDir> [--ignore <dir relative to srcDir>]...
// The TypeScript compiler's own import scanner finds the imports; only relative ones are followed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const args = process.argv.slice(2);
const root = resolve(args[0] ?? 'src');
const ignored = new Set(args.flatMap((a, i) => (args[i - 1] === '--ignore' ? [resolve(root, a)] : [])));

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (ignored.has(path)) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const files = sourceFiles(root);
const known = new Set(files);
function resolveLocal(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ])
    if (known.has(candidate)) return candidate;
  return undefined;
}

// Every static, type-only, re-export and dynamic import counts: a circle of any kind tangles the features.
const edges = new Map(
  files.map((file) => {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = info.importedFiles.flatMap((ref) => resolveLocal(file, ref.fileName) ?? []);
    return [file, [...new Set(targets)]];
  }),
);

// Tarjan's strongly connected components.
let index = 0;
const stack = [];
const state = new Map();
const components = [];
function connect(v) {
  state.set(v, { index, low: index, onStack: true });
  index += 1;
  stack.push(v);
  for (const w of edges.get(v)) {
    const ws = state.get(w);
    if (!ws) {
      connect(w);
      state.get(v).low = Math.min(state.get(v).low, state.get(w).low);
    } else if (ws.onStack) state.get(v).low = Math.min(state.get(v).low, ws.index);
  }
  const vs = state.get(v);
  if (vs.low === vs.index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      state.get(w).onStack = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || edges.get(v).includes(v)) components.push(component);
  }
}
for (const file of files) if (!state.has(file)) connect(file);

// One shortest circle through the first file of each component, to show where to cut.
function circleThrough(start, members) {
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift();
    for (const w of edges.get(v)) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let u = v; u !== start; u = previous.get(u)) path.splice(1, 0, u);
        return [...path, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

const name = (file) => relative(root, file);
if (components.length === 0) {
  console.log(`No import cycles among the ${files.length} modules in ${relative(process.cwd(), root)}.`);
} else {
  console.error(`${components.length} import cycle(s) in ${relative(process.cwd(), root)}:`);
  for (const component of components) {
    const sorted = component.sort();
    console.error(
      `- ${sorted.map(name).join(', ')}\n    e.g. ${circleThrough(sorted[0], new Set(sorted)).map(name).join(' -> ')}`,
    );
  }
  process.exitCode = 1;
}
