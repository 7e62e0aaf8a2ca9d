#!/usr/bin/env node
// `npm run audit:verify`: walks every tenant's audit hash chain and names the first broken event
// of each. Exits 0 when every chain is intact, 1 when any is broken, 2 when it could not check.
//
// AUDIT_DATABASE_URL, when set, is a superuser (or BYPASSRLS) connection to the platform
// database. Otherwise the embedded database `npm start` keeps in .data/postgres is checked; it is
// started for the check if it is not running, and stopped again afterwards only then.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres } from './database/index.mjs';

const require = createRequire(import.meta.url);
const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const EMBEDDED_DIR = join(REPO_ROOT, '.data', 'postgres');
const DATABASE = 'xiangmeng';

const REASONS = {
  SEQUENCE_GAP: '序号不连续，有事件缺失 sequence gap: events are missing',
  PREVIOUS_HASH_MISMATCH:
    '与前一事件的链接断开（删除、插入或重排） link to the previous event broken: deleted, inserted or reordered',
  HASH_MISMATCH: '内容与哈希不符，事件被改动 content does not match its hash: the event was altered',
};

class CheckError extends Error {}

const hidePassword = (url) => url.replace(/:[^:@/]+@/, ':***@');

/** The port of a running embedded server, from its lock file. */
function runningPort(clusterDir) {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const port = Number(readFileSync(pidFile, 'utf8').split('\n')[3]);
  return Number.isInteger(port) && port > 0 ? port : null;
}

async function reachable(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch (error) {
    if (['ECONNREFUSED', 'ECONNRESET', 'ENOENT', '57P03'].includes(error.code)) return false;
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A connection to the embedded platform database, started if need be. */
async function embeddedDatabase() {
  const secrets = join(EMBEDDED_DIR, 'superuser.json');
  const clusterDir = join(EMBEDDED_DIR, 'cluster');
  if (!existsSync(secrets) || !existsSync(join(clusterDir, 'PG_VERSION'))) {
    throw new CheckError(
      `没有找到内置数据库 ${EMBEDDED_DIR}：请先运行 npm start，或设置 AUDIT_DATABASE_URL。\n` +
        `No embedded database in ${EMBEDDED_DIR}: run npm start once, or set AUDIT_DATABASE_URL.`,
    );
  }
  const { password } = JSON.parse(readFileSync(secrets, 'utf8'));
  const port = Number(process.env.XM_PG_PORT ?? runningPort(clusterDir) ?? 54329);
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;
  if (await reachable(url))
    return { url, label: `内置 embedded, 127.0.0.1:${port}, 运行中 already running`, stop: async () => {} };
  const server = await startEmbeddedPostgres({ dataDir: EMBEDDED_DIR, port });
  return {
    url,
    label: `内置 embedded, 127.0.0.1:${port}, 为本次校验启动 started for this check`,
    stop: () => server.stop(),
  };
}

/** Row-level security would hide other tenants' events and make a broken chain look intact. */
async function assertSeesEveryTenant(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      'SELECT rolsuper OR rolbypassrls AS sees_all FROM pg_roles WHERE rolname = current_user',
    );
    if (!rows[0]?.sees_all) {
      throw new CheckError(
        '该连接受行级安全限制，看不到全部租户的审计事件；请用超级用户或 BYPASSRLS 角色。\n' +
          "This connection is subject to row-level security and cannot see every tenant's events: use a superuser or a BYPASSRLS role.",
      );
    }
  } finally {
    await client.end();
  }
}

function loadVerifier() {
  try {
    return require('@xiangmeng/api').verifyAuditChains;
  } catch (error) {
    throw new CheckError(
      `无法加载 API（请用 npm run audit:verify，它会先构建 API）。\n` +
        `Cannot load the API (use npm run audit:verify, which builds it first): ${error.message}`,
    );
  }
}

function printReport(report, label) {
  const lines = [
    '湘盟审计链校验 Xiangmeng audit chain verification',
    `  数据库 database: ${label}`,
    `  租户 tenants with events: ${report.tenants}`,
    `  事件 events: ${report.events}`,
    `  断裂 breaks: ${report.breaks.length}`,
  ];
  for (const b of report.breaks) {
    lines.push(
      `    租户 tenant ${b.tenantCode}  序号 seq ${b.seq}  事件 event ${b.eventId}  ${b.reason}: ${REASONS[b.reason] ?? b.reason}`,
    );
  }
  lines.push(
    report.breaks.length === 0
      ? '结论：全部审计链完好。 Result: every audit chain is intact.'
      : '结论：审计链已断裂，记录可能被篡改。 Result: BROKEN audit chain — records may have been tampered with.',
  );
  console.log(lines.join('\n'));
}

async function main() {
  const verifyAuditChains = loadVerifier();
  const target = process.env.AUDIT_DATABASE_URL
    ? {
        url: process.env.AUDIT_DATABASE_URL,
        label: hidePassword(process.env.AUDIT_DATABASE_URL),
        stop: async () => {},
      }
    : await embeddedDatabase();
  try {
    await assertSeesEveryTenant(target.url);
    const report = await verifyAuditChains(target.url);
    printReport(report, target.label);
    return report.breaks.length === 0 ? 0 : 1;
  } catch (error) {
    if (error.code === '3D000')
      throw new CheckError(`数据库不存在 database does not exist: ${hidePassword(target.url)}`);
    if (error.code === '42501') {
      throw new CheckError(
        '该连接无权读取审计表 This connection may not read the audit table: use a superuser or a BYPASSRLS role.',
      );
    }
    throw error;
  } finally {
    await target.stop();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof CheckError ? error.message : error);
  console.error('审计链未能校验 The audit chains could not be checked.');
  process.exitCode = 2;
}
