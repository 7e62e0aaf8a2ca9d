#!/usr/bin/env node
// Fails when the API's feature modules import each other in a circle, or when `src/common`
// imports from a feature module (run by the API's lint). A feature is a folder under
// src/modules; every relative import of a source file counts, type-only ones included: a loop
// of types is still a loop a reader has to untangle. Tests and specs are left out.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'src');

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.(test|spec|d)\.ts$/.test(name) ? [path] : [];
  });
}

/** `modules/<feature>`, `common`, `database`, ... : the part of the API a file belongs to. */
function partOf(file) {
  const [top, second] = relative(src, file).split(sep);
  if (top === 'modules' && second && !second.endsWith('.ts')) return `modules/${second}`;
  return top.endsWith('.ts') ? '(root)' : top;
}

const edges = new Map();
const witnesses = new Map();
for (const file of sourceFiles(src)) {
  const from = partOf(file);
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  for (const { fileName } of importedFiles) {
    if (!fileName.startsWith('.')) continue;
    const to = partOf(resolve(dirname(file), fileName));
    if (to === from) continue;
    if (!edges.has(from)) edges.set(from, new Set());
    edges.get(from).add(to);
    const key = `${from} -> ${to}`;
    if (!witnesses.has(key)) witnesses.set(key, `${relative(src, file)} imports ${fileName}`);
  }
}

// Tarjan's strongly connected components: any component of more than one part is a loop.
let index = 0;
const stack = [];
const state = new Map();
const loops = [];
function visit(node) {
  state.set(node, { index, low: index, onStack: true });
  index += 1;
  stack.push(node);
  for (const next of edges.get(node) ?? []) {
    if (!state.has(next)) {
      visit(next);
      state.get(node).low = Math.min(state.get(node).low, state.get(next).low);
    } else if (state.get(next).onStack) {
      state.get(node).low = Math.min(state.get(node).low, state.get(next).index);
    }
  }
  if (state.get(node).low === state.get(node).index) {
    const component = [];
    let member;
    do {
      member = stack.pop();
      state.get(member).onStack = false;
      component.push(member);
    } while (member !== node);
    if (component.length > 1) loops.push(component.sort());
  }
}
for (const node of edges.keys()) if (!state.has(node)) visit(node);

const problems = [];
for (const loop of loops) {
  const inside = new Set(loop);
  const links = [...witnesses.entries()]
    .filter(([key]) => {
      const [from, to] = key.split(' -> ');
      return inside.has(from) && inside.has(to);
    })
    .map(([key, witness]) => `    ${key}  (${witness})`);
  problems.push(`import loop between ${loop.join(', ')}:\n${links.join('\n')}`);
}
for (const to of edges.get('common') ?? []) {
  if (to.startsWith('modules/')) problems.push(`common imports a feature: ${witnesses.get(`common -> ${to}`)}`);
}

if (problems.length) {
  console.error(`API module graph:\n${problems.join('\n')}`);
  process.exit(1);
}
const featureCount = [...new Set([...edges.keys()].filter((p) => p.startsWith('modules/')))].length;
console.log(`API module graph: ${featureCount} feature modules, no import loops`);
