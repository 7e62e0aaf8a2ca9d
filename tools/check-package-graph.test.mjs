import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { dependencyCycles, readWorkspace, specifiersIn, undeclaredImports } from './check-package-graph.mjs';

describe('specifiersIn', () => {
  const cases = [
    [`import { a } from '@x/api';`, ['@x/api']],
    [`import type { A } from "@x/api/types";`, ['@x/api/types']],
    [`import {\n  a,\n  b,\n} from '@x/api';`, ['@x/api']],
    [`export { a } from './a.js';`, ['./a.js']],
    [`import 'reflect-metadata';`, ['reflect-metadata']],
    [`const api = require('@x/api');`, ['@x/api']],
    [`const demo = await import('@x/demo');`, ['@x/demo']],
    [`createRequire(require.resolve('@x/api'))('typeorm');`, ['@x/api']],
    [`// const api = require('@x/api');`, []],
    [`/* import { a } from '@x/api'; */`, []],
    [`const url = 'http://host/x'; require('@x/api');`, ['@x/api']],
    [`await import(\`@embedded/\${process.platform}\`);`, []],
  ];
  for (const [text, expected] of cases) {
    it(`finds ${JSON.stringify(expected)} in ${JSON.stringify(text)}`, () => {
      assert.deepEqual(specifiersIn(text).sort(), expected.sort());
    });
  }
});

describe('dependencyCycles', () => {
  const pkg = (name, ...declared) => ({ name, dir: `/${name}`, declared: new Set(declared) });
  const cases = [
    ['no cycle', [pkg('api', 'domain', 'pg'), pkg('infra', 'api'), pkg('domain')], []],
    ['two packages', [pkg('api', 'infra'), pkg('infra', 'api')], ['api → infra → api']],
    [
      'three packages, found once whichever package the walk starts at',
      [pkg('a', 'b'), pkg('b', 'c'), pkg('c', 'a')],
      ['a → b → c → a'],
    ],
    ['outside packages are not followed', [pkg('a', 'react'), pkg('b', 'a')], []],
  ];
  for (const [name, packages, expected] of cases) {
    it(name, () => assert.deepEqual(dependencyCycles(packages), expected));
  }
});

describe('undeclaredImports on a workspace', () => {
  const root = mkdtempSync(join(tmpdir(), 'package-graph-'));
  const write = (path, content) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), typeof content === 'string' ? content : JSON.stringify(content));
  };
  write('package.json', { workspaces: ['packages/*', 'infra'] });
  write('packages/api/package.json', { name: '@x/api', dependencies: { '@x/domain': '*' } });
  write('packages/api/src/server.ts', `import { rule } from '@x/domain';\nexport { a } from './a';\n`);
  write('packages/domain/package.json', { name: '@x/domain' });
  write('packages/domain/src/index.ts', `export const rule = 1;\n`);
  write('packages/web/package.json', { name: '@x/web', devDependencies: { '@x/domain': '*' } });
  write('packages/web/vite.config.ts', `import { rule } from '../domain/src/index.ts';\n`);
  write('infra/package.json', { name: '@x/infra', dependencies: { pg: '*' } });
  write('infra/start.mjs', `const api = require('@x/api');\nimport('../packages/domain/src/index.ts');\n`);
  write('infra/node_modules/@x/api/index.js', `require('@x/web');\n`);
  const packages = readWorkspace(root);
  after(() => rmSync(root, { recursive: true, force: true }));

  it('names undeclared imports by package name and by path, nothing declared or in node_modules', () => {
    const problems = undeclaredImports(packages).map((line) => line.replace(/^.*?(infra|packages)\//, '$1/'));
    assert.deepEqual(problems.sort(), [
      "infra/start.mjs: '../packages/domain/src/index.ts' reaches into @x/domain, which @x/infra does not declare",
      'infra/start.mjs: imports @x/api, which @x/infra does not declare in its package.json',
    ]);
  });

  it('reads dependencies of every kind', () => {
    assert.deepEqual(packages.map((p) => [p.name, [...p.declared]]).sort(), [
      ['@x/api', ['@x/domain']],
      ['@x/domain', []],
      ['@x/infra', ['pg']],
      ['@x/web', ['@x/domain']],
    ]);
  });
});
