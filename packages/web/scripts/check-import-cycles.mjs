// Fails when modules under a source folder import each other in a circle, or when the feature
// folders do (a file of features/a importing features/b while one of b imports a), run by `npm run lint`.
// Usage: node scripts/check-import-cycles.mjs <srcDir> [--ignore <dir>]... [--features <dir>]
//   (dirs relative to srcDir; each folder directly under --features is one feature)
// The TypeScript compiler's own import scanner finds the imports; only relative ones are followed.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const args = process.argv.slice(2);
const root = resolve(args[0] ?? 'src');
const option = (name) => args.flatMap((a, i) => (args[i - 1] === name ? [resolve(root, a)] : []));
const ignored = new Set(option('--ignore'));
const featuresDir = option('--features')[0];

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

/** Tarjan's strongly connected components: the groups of nodes that reach each other. */
function circles(nodes, next) {
  let index = 0;
  const stack = [];
  const state = new Map();
  const components = [];
  function connect(v) {
    state.set(v, { index, low: index, onStack: true });
    index += 1;
    stack.push(v);
    for (const w of next(v)) {
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
      if (component.length > 1 || next(v).includes(v)) components.push(component.sort());
    }
  }
  for (const node of nodes) if (!state.has(node)) connect(node);
  return components;
}

/** One shortest circle through `start` within its component, to show where to cut. */
function circleThrough(start, members, next) {
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift();
    for (const w of next(v)) {
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
const where = relative(process.cwd(), root) || '.';
let failed = false;

const fileCircles = circles(files, (file) => edges.get(file));
if (fileCircles.length === 0) {
  console.log(`No import cycles among the ${files.length} modules in ${where}.`);
} else {
  failed = true;
  console.error(`${fileCircles.length} import cycle(s) in ${where}:`);
  for (const component of fileCircles) {
    const circle = circleThrough(component[0], new Set(component), (file) => edges.get(file));
    console.error(`- ${component.map(name).join(', ')}\n    e.g. ${circle.map(name).join(' -> ')}`);
  }
}

// Feature folders: a feature may use another, never both ways round. The shared piece belongs to
// the feature that owns it, or to a folder outside the features both may use.
if (featuresDir) {
  const featureOf = (file) => {
    const path = relative(featuresDir, file);
    return path.startsWith('..') || !path.includes(sep) ? undefined : path.split(sep)[0];
  };
  // feature -> feature it imports -> the imports that make the edge (file pairs)
  const uses = new Map();
  for (const [file, targets] of edges) {
    const from = featureOf(file);
    if (!from) continue;
    if (!uses.has(from)) uses.set(from, new Map());
    for (const target of targets) {
      const to = featureOf(target);
      if (!to || to === from) continue;
      const pairs = uses.get(from).get(to) ?? [];
      uses.get(from).set(to, [...pairs, [file, target]]);
    }
  }
  const next = (feature) => [...(uses.get(feature)?.keys() ?? [])];
  const featureCircles = circles([...uses.keys()].sort(), next);
  const where = relative(process.cwd(), featuresDir);
  if (featureCircles.length === 0) {
    console.log(`No import cycles among the ${uses.size} features in ${where}.`);
  } else {
    failed = true;
    console.error(`${featureCircles.length} import cycle(s) between the features in ${where}:`);
    for (const component of featureCircles) {
      const members = new Set(component);
      const circle = circleThrough(component[0], members, next);
      console.error(`- ${component.join(', ')}\n    e.g. ${circle.join(' -> ')}`);
      // Every import inside the group: cutting one direction of each pair untangles it.
      for (const from of component) {
        for (const [to, pairs] of uses.get(from) ?? []) {
          if (!members.has(to)) continue;
          console.error(`    ${from} -> ${to}:`);
          for (const [file, target] of pairs) console.error(`      ${name(file)} imports ${name(target)}`);
        }
      }
    }
  }
}

if (failed) process.exitCode = 1;
