#!/usr/bin/env node
// The benchmark (`npm run bench`): 10,000 alliances with 60,000 members and 100,000 organizations
// in a scratch database, 200 pilot applications in flight and 2,000 filed alliances. The first page
// of a city's register over GraphQL, as the city app asks for it, against the same rows fetched
// with `pg` alone (the floor); then the province's busy pages (to-dos, received applications, an
// application under review, the province-wide register), sign-in, and the apps' first download.
// Loopback only. `npm run bench` builds what it loads first. Writes bench/results/latest.json.
import { checkCreditCode } from '@xiangmeng/domain';
import { startScratchDatabase } from '@xiangmeng/database';
import { fork } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { appQuery } from './app-queries.mjs';
import { bulkSeed } from './bulk-seed.mjs';
import { bulkWorkflow } from './bulk-workflow.mjs';
import { postJson, runLoad } from './load.mjs';

const require = createRequire(import.meta.url);
const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = join(HERE, '..');

const SIZE = { alliances: 10_000, organizations: 100_000, membersPerAlliance: 6 };
const WORKFLOW = { applications: 200, filed: 2_000 };
const LOAD = {
  connections: 10,
  warmupMs: 2_000,
  durationMs: Number(process.env.BENCH_SECONDS ?? 10) * 1000,
};
// The city officer's sign-in (a demo account) and the register's first page as the city app lists it.
const CITY = { code: '430100', name: '长沙市' };
const PROVINCE = { code: '430000', name: '湖南省科学技术厅' };
const DEMO_PASSWORD = 'Xiangmeng@2026';
const APPS = ['province-web', 'city-web'];
const REGISTER_QUERY = `query RegisterFirstPage {
  alliances(first: 20) {
    nodes {
      id name status
      industry { name }
      chairMember { name }
      members(current: true) { organization { name } role }
      foundingCheck { allHold conditions { condition holds } }
    }
  }
}`;

const log = (line) => console.log(line);

/** Columns as a terminal shows them: a Chinese character takes two cells. */
const cells = (text) => [...text].reduce((n, ch) => n + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);
function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => cells(r[i]))));
  const pad = (cell, i) => {
    const fill = ' '.repeat(widths[i] - cells(cell));
    return i === 0 ? cell + fill : fill + cell;
  };
  return rows.map((r) => r.map(pad).join('  '));
}
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function checkBuilt() {
  const build = 'npm run bench';
  for (const [entry, source] of [
    ['apps/api/dist/server.js', 'apps/api/src'],
    ['packages/demo/dist/index.js', 'packages/demo/src'],
    ...APPS.map((app) => [`apps/${app}/dist/bundle-report.json`, 'packages/web/src']),
  ]) {
    if (!existsSync(join(REPO, entry))) throw new Error(`${entry} is not built: run \`${build}\` first`);
    if (newestMtime(join(REPO, source)) > statSync(join(REPO, entry)).mtimeMs) {
      log(`注意：${source} 比构建新，测的是上次构建的代码（先运行 ${build}）`);
    }
  }
}

/** Starts a server under test in its own process; resolves when it listens. */
function startChild(kind, appUrl) {
  // BENCH_CPU_PROFILE=<dir>: each server writes a V8 CPU profile there when it stops (open in Chrome DevTools).
  const profileDir = process.env.BENCH_CPU_PROFILE;
  const child = fork(join(HERE, 'server-child.mjs'), [kind], {
    // As deployed: libraries read NODE_ENV too (graphql-js checks every instanceof in development).
    env: {
      ...process.env,
      NODE_ENV: 'production',
      BENCH_APP_URL: appUrl,
      BENCH_DOCUMENTS_DIR: join(tmpDir, 'documents'),
    },
    execArgv: profileDir
      ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${kind}.cpuprofile`]
      : [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const request = (type) =>
    new Promise((resolve, reject) => {
      const onExit = (code) => reject(new Error(`${kind} server exited (${code})`));
      const onMessage = (message) => {
        if (message?.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
      if (type !== 'ready') child.send({ type });
    });
  return request('ready').then(({ url }) => ({
    url,
    child,
    reset: () => request('reset'),
    count: async () => (await request('count')).statements,
    cpuMs: async () => (await request('count')).cpuMs,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.send({ type: 'stop' });
      }),
  }));
}

async function statementsPerRequest(server, url, headers, payload = { query: REGISTER_QUERY }, samples = 10) {
  await server.reset();
  for (let i = 0; i < samples; i += 1) await postJson(url, payload, headers);
  return (await server.count()) / samples;
}

/** Signs in through the API; the session cookie to send with the scenario's requests. */
async function signIn(url, tenantCode, username) {
  const login = await postJson(`${url}/graphql`, {
    query: 'mutation ($input: LoginInput!) { login(input: $input) { id } }',
    variables: { input: { tenantCode, username, password: DEMO_PASSWORD } },
  });
  const cookie = String(login.headers['set-cookie'] ?? '').match(/xm_session=[^;]+/)?.[0];
  if (login.json.errors || !cookie) throw new Error(`sign-in failed: ${JSON.stringify(login.json.errors)}`);
  return { cookie };
}

const isData = (status, body) => status === 200 && body.subarray(0, 9).toString() === '{"data":{';

/**
 * One page's operation under load on the GraphQL server: its answer checked once, then SQL
 * statements and server CPU per request and the load figures, as for the register.
 */
// BENCH_ONLY=<name,...>: only these pages, to profile one (with BENCH_CPU_PROFILE): `register` is the
// city's first page with its floor, the others the province's pages; sign-in is skipped and
// bench/results/latest.json is left as it is.
const ONLY = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : null;

async function measureScenario(server, { name, label, payload, headers, check }) {
  if (ONLY && !ONLY.includes(name)) return null;
  const url = `${server.url}/graphql`;
  const first = await postJson(url, payload, headers);
  if (first.json.errors) throw new Error(`${name}: ${JSON.stringify(first.json.errors)}`);
  const shown = check(first.json.data);
  const sqlPerRequest = await statementsPerRequest(server, url, headers, payload);
  log(`压测 ${label}（${shown}）…`);
  const cpuBefore = await server.cpuMs();
  const result = await runLoad({ url, payload, headers, ...LOAD, isOk: isData });
  result.serverCpuMsPerRequest =
    Math.round((((await server.cpuMs()) - cpuBefore) / result.completedIncludingWarmup) * 100) / 100;
  if (result.errors) throw new Error(`${name}: ${result.errors} failed requests, e.g. ${result.firstError}`);
  delete result.firstError;
  return { name, label, shown, ...result, sqlStatementsPerRequest: sqlPerRequest };
}

/** What each app's first visit downloads, as its build reported it (apps/<app>/dist/bundle-report.json). */
function bundleReports() {
  return APPS.map((app) => {
    const file = join(REPO, 'apps', app, 'dist', 'bundle-report.json');
    if (!existsSync(file)) throw new Error(`${file} is missing: build the apps first`);
    return JSON.parse(readFileSync(file, 'utf8'));
  });
}

const children = [];
let database = null;
let tmpDir = null;

async function cleanUp() {
  await Promise.allSettled(children.map((c) => c.stop()));
  if (database) await database.stop().catch(() => undefined);
  if (tmpDir) rmSync(tmpDir, { recursive: true, force: true });
}

process.on('SIGINT', () => {
  void cleanUp().finally(() => process.exit(130));
});

async function main() {
  checkBuilt();
  const api = require('@xiangmeng/api');
  const { seedDemo } = await import('@xiangmeng/demo');
  const started = Date.now();
  // Server, PostgreSQL and load generator share the machine's CPUs; anything else running skews the figures.
  const loadBefore = loadavg()[0];
  if (loadBefore > cpus().length / 2) {
    log(`注意：本机 1 分钟负载 ${loadBefore.toFixed(1)}（${cpus().length} 核），结果会偏低`);
  }
  tmpDir = mkdtempSync(join(tmpdir(), 'xiangmeng-bench-'));
  log(
    process.env.DATABASE_URL
      ? '数据库：DATABASE_URL 所指服务器上的临时库'
      : '数据库：内置 PostgreSQL（临时目录）',
  );
  database = await startScratchDatabase({ name: 'xiangmeng_bench', tmpDir });
  await api.runMigrations(database.ownerUrl);

  let t = Date.now();
  const demo = await seedDemo(database.ownerUrl);
  const demoSeedMs = Date.now() - t;
  t = Date.now();
  const bulk = await bulkSeed(database.ownerUrl, SIZE);
  const bulkSeedMs = Date.now() - t;
  t = Date.now();
  const workflow = await bulkWorkflow(database.ownerUrl, WORKFLOW);
  const workflowSeedMs = Date.now() - t;
  // An experiment on the schema before writing a migration, e.g. an index: run as the owner after seeding.
  const extraSql = process.env.BENCH_EXTRA_SQL;
  if (extraSql) {
    const client = new pg.Client({ connectionString: database.ownerUrl });
    await client.connect();
    try {
      await client.query(extraSql);
      await client.query('ANALYZE');
    } finally {
      await client.end();
    }
    log(`附加 SQL：${extraSql}`);
  }
  const badCodes = bulk.creditCodeSample.filter((code) => checkCreditCode(code) !== null);
  if (badCodes.length)
    throw new Error(`invalid credit codes in the bulk data: ${badCodes.slice(0, 3).join(', ')}`);
  log(
    `数据：演示账号与演示名录 ${seconds(demoSeedMs)}（${demo.alliances} 个演示联盟）；` +
      `批量 ${bulk.alliances} 个联盟、${bulk.members} 个成员、${bulk.organizations} 个单位、${bulk.signatures} 个签署 ${seconds(bulkSeedMs)}；` +
      `${workflow.applications} 个在办试点申报（其一 ${workflow.seats} 位专家已评分）、${workflow.filed} 个已备案联盟 ${seconds(workflowSeedMs)}`,
  );
  const serverVersion = await (async () => {
    const client = new pg.Client({ connectionString: database.adminUrl });
    await client.connect();
    try {
      return (await client.query('SHOW server_version')).rows[0].server_version;
    } finally {
      await client.end();
    }
  })();

  const graphql = await startChild('api', database.appUrl);
  children.push(graphql);
  const floor = await startChild('floor', database.appUrl);
  children.push(floor);

  const headers = await signIn(graphql.url, CITY.code, 'officer');

  // Both answer the same page: same alliances, members, chairs and Art. 8 results.
  const viaGraphql = await postJson(`${graphql.url}/graphql`, { query: REGISTER_QUERY }, headers);
  const viaFloor = await postJson(`${floor.url}/graphql`, { query: REGISTER_QUERY }, headers);
  if (viaGraphql.json.errors)
    throw new Error(`GraphQL answered errors: ${JSON.stringify(viaGraphql.json.errors)}`);
  const nodes = viaGraphql.json.data.alliances.nodes;
  if (nodes.length !== 20 || !isDeepStrictEqual(viaGraphql.json.data, viaFloor.json.data)) {
    throw new Error('the floor does not answer what GraphQL answers; the comparison would be meaningless');
  }
  const failing = nodes.filter((n) => !n.foundingCheck.allHold).length;
  log(
    `首页：20 个联盟（${failing} 个未满足第八条），每个 ${nodes[0].members.length} 个现有成员；两端结果一致`,
  );

  const sql = {
    graphql: await statementsPerRequest(graphql, `${graphql.url}/graphql`, headers),
    floor: await statementsPerRequest(floor, `${floor.url}/graphql`, headers),
  };

  const isOk = isData;
  const results = {};
  for (const [name, server] of ONLY && !ONLY.includes('register')
    ? []
    : [
        ['graphql', graphql],
        ['floor', floor],
      ]) {
    log(
      `压测 ${name}：${LOAD.connections} 个连接，预热 ${seconds(LOAD.warmupMs)}，计时 ${seconds(LOAD.durationMs)} …`,
    );
    const cpuBefore = await server.cpuMs();
    results[name] = await runLoad({
      url: `${server.url}/graphql`,
      payload: { query: REGISTER_QUERY },
      headers,
      ...LOAD,
      isOk,
    });
    // The server's own CPU per request: what a faster stack would have to cut.
    results[name].serverCpuMsPerRequest =
      Math.round((((await server.cpuMs()) - cpuBefore) / results[name].completedIncludingWarmup) * 100) / 100;
    if (results[name].errors)
      throw new Error(`${name}: ${results[name].errors} failed requests, e.g. ${results[name].firstError}`);
  }
  const ratio = results.graphql ? results.graphql.requestsPerSecond / results.floor.requestsPerSecond : NaN;
  // The floor has served its comparison; the province's pages are measured on the API alone.
  await floor.stop();

  const province = await signIn(graphql.url, PROVINCE.code, 'officer');
  const scenarios = [];
  scenarios.push(
    await measureScenario(graphql, {
      name: 'workList',
      label: '省厅经办人的待办',
      payload: { query: appQuery('WorkList') },
      headers: province,
      check: (data) => `${data.workList.total} 项待办`,
    }),
  );
  scenarios.push(
    await measureScenario(graphql, {
      name: 'receivedApplications',
      label: '收到的申报',
      payload: {
        query: appQuery('PilotApplicationPage'),
        variables: {
          filter: { scope: 'RECEIVED' },
          page: { first: 20, offset: 0, orderBy: 'CREATED_AT', descending: true },
        },
      },
      headers: province,
      check: (data) =>
        `第一页 ${data.pilotApplicationPage.items.length} 份，共 ${data.pilotApplicationPage.totalCount} 份`,
    }),
  );
  scenarios.push(
    await measureScenario(graphql, {
      name: 'applicationDetail',
      label: '评审中申报的详情',
      payload: {
        query: appQuery('PilotApplicationDetail'),
        variables: { id: workflow.reviewedApplicationId },
      },
      headers: province,
      check: (data) => data.pilotApplication.state,
    }),
  );
  scenarios.push(
    await measureScenario(graphql, {
      name: 'reviewPanel',
      label: '该申报的专家组、评分表与汇总',
      payload: { query: appQuery('ReviewPanel'), variables: { id: workflow.reviewedApplicationId } },
      headers: province,
      check: (data) => `${data.pilotApplication.panel?.seats?.length ?? 0} 位专家`,
    }),
  );
  scenarios.push(
    await measureScenario(graphql, {
      name: 'provinceRegister',
      label: '全省联盟名录首页',
      payload: { query: appQuery('AllianceRegister'), variables: { filter: {}, first: 20 } },
      headers: province,
      check: (data) => `共 ${data.alliances.totalCount} 个联盟`,
    }),
  );

  if (ONLY) {
    const register = Object.entries(results).map(([name, r]) => ({
      ...r,
      label: name,
      shown: '名录首页',
      sqlStatementsPerRequest: sql[name],
    }));
    for (const r of [...register, ...scenarios.filter(Boolean)])
      log(
        `${r.label}（${r.shown}）：${r.requestsPerSecond.toFixed(0)} req/s，p50 ${r.p50Ms.toFixed(1)} ms，` +
          `p99 ${r.p99Ms.toFixed(1)} ms，${r.sqlStatementsPerRequest} 条 SQL，${r.serverCpuMsPerRequest} ms CPU`,
      );
    log('（BENCH_ONLY：只测了这些页面，bench/results/latest.json 未改）');
    return;
  }

  // Sign-in: argon2 dominates; and while sign-ins pour in, the register must keep answering.
  const signInPayload = {
    query: 'mutation ($input: LoginInput!) { login(input: $input) { id } }',
    variables: { input: { tenantCode: CITY.code, username: 'officer', password: DEMO_PASSWORD } },
  };
  const isSignedIn = (status, body) =>
    status === 200 && body.subarray(0, 17).toString() === '{"data":{"login":';
  log(`压测 登录（${LOAD.connections} 个连接）…`);
  let cpuBefore = await graphql.cpuMs();
  const signInAlone = await runLoad({
    url: `${graphql.url}/graphql`,
    payload: signInPayload,
    headers: {},
    ...LOAD,
    isOk: isSignedIn,
  });
  signInAlone.serverCpuMsPerRequest =
    Math.round((((await graphql.cpuMs()) - cpuBefore) / signInAlone.completedIncludingWarmup) * 100) / 100;
  log(`压测 登录与名录首页同时进行（各 ${LOAD.connections} 个连接）…`);
  cpuBefore = await graphql.cpuMs();
  const [signInStorm, registerDuringStorm] = await Promise.all([
    runLoad({
      url: `${graphql.url}/graphql`,
      payload: signInPayload,
      headers: {},
      ...LOAD,
      isOk: isSignedIn,
    }),
    runLoad({ url: `${graphql.url}/graphql`, payload: { query: REGISTER_QUERY }, headers, ...LOAD, isOk }),
  ]);
  for (const [name, r] of [
    ['signIn', signInAlone],
    ['signInStorm', signInStorm],
    ['registerDuringStorm', registerDuringStorm],
  ]) {
    if (r.errors) throw new Error(`${name}: ${r.errors} failed requests, e.g. ${r.firstError}`);
    delete r.firstError;
  }
  const bundles = bundleReports();
  const loadAfter = loadavg()[0];

  const rows = [
    ['', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'SQL/req', 'CPU ms/req'],
    ...[
      ['GraphQL (Nest+Apollo+TypeORM)', results.graphql, sql.graphql],
      ['floor (node http + pg)', results.floor, sql.floor],
    ].map(([label, r, s]) => [
      label,
      r.requestsPerSecond.toFixed(0),
      r.p50Ms.toFixed(1),
      r.p99Ms.toFixed(1),
      r.maxMs.toFixed(1),
      s.toFixed(0),
      r.serverCpuMsPerRequest.toFixed(1),
    ]),
  ];
  log('');
  for (const line of table(rows)) log(line);
  log(`GraphQL / floor = ${ratio.toFixed(2)}×（吞吐之比）`);
  const more = [
    ['', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'SQL/req', 'CPU ms/req'],
    ...scenarios.map((r) => [
      `${r.label}（${r.shown}）`,
      r.requestsPerSecond.toFixed(0),
      r.p50Ms.toFixed(1),
      r.p99Ms.toFixed(1),
      r.maxMs.toFixed(1),
      r.sqlStatementsPerRequest.toFixed(0),
      r.serverCpuMsPerRequest.toFixed(1),
    ]),
    ...[
      ['登录', signInAlone, signInAlone.serverCpuMsPerRequest.toFixed(1)],
      ['登录（与名录同时）', signInStorm, '-'],
      ['名录首页（与登录同时）', registerDuringStorm, '-'],
    ].map(([label, r, cpu]) => [
      label,
      r.requestsPerSecond.toFixed(0),
      r.p50Ms.toFixed(1),
      r.p99Ms.toFixed(1),
      r.maxMs.toFixed(1),
      '-',
      cpu,
    ]),
  ];
  log('');
  for (const line of table(more)) log(line);
  log('');
  for (const b of bundles)
    log(
      `${b.app}：首次访问加载 JS ${(b.initialGzipBytes / 1000).toFixed(1)} kB gzip（预算 ${b.budgetGzipBytes / 1000} kB）`,
    );

  const report = {
    measuredAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      postgres: serverVersion,
      database: process.env.DATABASE_URL ? 'DATABASE_URL server' : 'embedded (fsync off)',
      loadAverage1mBefore: Number(loadBefore.toFixed(2)),
      loadAverage1mAfter: Number(loadAfter.toFixed(2)),
    },
    extraSql: extraSql ?? null,
    data: {
      alliances: bulk.alliances + demo.alliances,
      members: bulk.members,
      organizations: bulk.organizations,
      signatures: bulk.signatures,
      cities: 14,
      applicationsInFlight: workflow.applications,
      filed: workflow.filed,
      demoSeedMs,
      bulkSeedMs,
      workflowSeedMs,
    },
    load: { ...LOAD, loopbackOnly: true, tenant: CITY.name, role: 'CITY_OFFICER', query: REGISTER_QUERY },
    graphql: { ...results.graphql, sqlStatementsPerRequest: sql.graphql },
    floor: { ...results.floor, sqlStatementsPerRequest: sql.floor },
    ratioGraphqlToFloor: Number(ratio.toFixed(3)),
    // The province officer's pages, each alone on the API under the same load.
    scenarios,
    signIn: {
      alone: signInAlone,
      // Sign-ins and the register's first page at once, each on its own 10 connections.
      withRegister: { signIn: signInStorm, register: registerDuringStorm },
    },
    bundles,
    totalSeconds: Math.round((Date.now() - started) / 1000),
  };
  for (const r of [report.graphql, report.floor]) delete r.firstError;
  mkdirSync(join(HERE, 'results'), { recursive: true });
  writeFileSync(join(HERE, 'results/latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  log(`结果已写入 bench/results/latest.json（共 ${report.totalSeconds} s）`);
}

try {
  await main();
} catch (error) {
  console.error('基准测试失败：', error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
