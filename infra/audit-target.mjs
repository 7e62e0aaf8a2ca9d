// What the audit commands (audit-verify.mjs, audit-export-head.mjs) share: which database they
// check, the guard against a connection row-level security would blind, and loading the built API.
//
// AUDIT_DATABASE_URL, when set, is a superuser (or BYPASSRLS) connection to the platform
// database. Otherwise the embedded database `npm start` keeps in .data/postgres is used; it is
// started for the command if it is not running, and stopped again afterwards only then.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres } from '@xiangmeng/database';

const require = createRequire(import.meta.url);
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DATA_DIR = join(REPO_ROOT, '.data');
const EMBEDDED_DIR = join(DATA_DIR, 'postgres');
const DATABASE = 'xiangmeng';

/** A failure the command explains itself (printed without a stack trace, exit 2). */
export class CheckError extends Error {}

export const hidePassword = (url) => url.replace(/:[^:@/]+@/, ':***@');

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
    return {
      url,
      embedded: true,
      label: `内置 embedded, 127.0.0.1:${port}, 运行中 already running`,
      stop: async () => {},
    };
  const server = await startEmbeddedPostgres({ dataDir: EMBEDDED_DIR, port });
  return {
    url,
    embedded: true,
    label: `内置 embedded, 127.0.0.1:${port}, 为本次命令启动 started for this command`,
    stop: () => server.stop(),
  };
}

/** The database to work on: `{ url, label, embedded, stop }`. */
export async function auditTarget() {
  const url = process.env.AUDIT_DATABASE_URL;
  if (url) return { url, embedded: false, label: hidePassword(url), stop: async () => {} };
  return embeddedDatabase();
}

/** Row-level security would hide other tenants' events and make a broken chain look intact. */
export async function assertSeesEveryTenant(url) {
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

/** Database errors a user can act on, in words; anything else is rethrown as is. */
export function explainDatabaseError(error, url) {
  if (error.code === '3D000')
    return new CheckError(`数据库不存在 database does not exist: ${hidePassword(url)}`);
  if (error.code === '42501') {
    return new CheckError(
      '该连接无权读取审计表 This connection may not read the audit table: use a superuser or a BYPASSRLS role.',
    );
  }
  return error;
}

/** The built API package (`npm run audit:*` builds it first). */
export function loadApi(command) {
  try {
    return require('@xiangmeng/api');
  } catch (error) {
    throw new CheckError(
      `无法加载 API（请用 npm run ${command}，它会先构建 API）。\n` +
        `Cannot load the API (use npm run ${command}, which builds it first): ${error.message}`,
    );
  }
}

/** Runs a command's main; exit code from its result, 2 with the reason when it could not run. */
export async function runCommand(main, failed) {
  try {
    process.exitCode = await main();
  } catch (error) {
    console.error(error instanceof CheckError ? error.message : error);
    console.error(failed);
    process.exitCode = 2;
  }
}
