// The whole platform in one process: database (embedded unless DATABASE_URL is given),
// migrations, demo data, the API and both web apps on one port.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  bootstrapDatabase,
  loadOrCreateRolePasswords,
  startEmbeddedPostgres,
} from '@xiangmeng/database';

const require = createRequire(import.meta.url);
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export const WEB_APPS = {
  province: join(REPO_ROOT, 'apps/province-web/dist'),
  city: join(REPO_ROOT, 'apps/city-web/dist'),
};

/**
 * @param {{ dataDir?: string, port?: number, pgPort?: number, host?: string, env?: NodeJS.ProcessEnv,
 *           clock?: unknown, log?: (line: string) => void }} options
 */
export async function startPlatform(options = {}) {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => {});
  const api = require('@xiangmeng/api');
  const production = env.NODE_ENV === 'production';
  let databaseUrl = env.DATABASE_URL;
  let migrationUrl = env.MIGRATION_DATABASE_URL;
  let seedUrl = env.SEED_DEMO === 'true' ? migrationUrl : undefined;
  let stopDatabase = async () => {};
  let embedded = false;
  const dataDir = options.dataDir ?? join(REPO_ROOT, '.data');

  if (!databaseUrl) {
    if (production) throw new Error('NODE_ENV=production needs DATABASE_URL: the embedded database is for demos');
    embedded = true;
    const pgPort = options.pgPort ?? Number(env.XM_PG_PORT ?? 54329);
    log(`启动内置 PostgreSQL（数据目录 ${dataDir}，端口 ${pgPort}）…`);
    const server = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), port: pgPort });
    stopDatabase = server.stop;
    const passwords = await loadOrCreateRolePasswords(join(dataDir, 'postgres'));
    const urls = await bootstrapDatabase({ adminUrl: server.adminUrl, database: 'xiangmeng', ...passwords });
    databaseUrl = urls.appUrl;
    migrationUrl = urls.ownerUrl;
    seedUrl = urls.ownerUrl;
  }

  try {
    if (migrationUrl) {
      const applied = await api.runMigrations(migrationUrl);
      if (applied.length) log(`已执行数据库迁移：${applied.join(', ')}`);
    }
    // Demo code is loaded only to seed: a production start never runs it (and seedDemo refuses there).
    let demo = null;
    if (seedUrl) {
      demo = await import('@xiangmeng/demo');
      const { created, alliances } = await demo.seedDemo(seedUrl);
      if (created) log(`已写入演示账号 ${created} 个`);
      if (alliances) log(`已写入演示联盟 ${alliances} 个`);
    }
    const running = await api.startApi({
      databaseUrl,
      production,
      cookieSecure: env.COOKIE_SECURE ? env.COOKIE_SECURE === 'true' : production,
      port: options.port ?? Number(env.PORT ?? 3000),
      host: options.host ?? env.HOST ?? '127.0.0.1',
      trustProxy: env.TRUST_PROXY ? Number(env.TRUST_PROXY) : undefined,
      webApps: WEB_APPS,
      documentsDir: env.XM_DOCUMENTS_DIR ?? join(dataDir, 'documents'),
      s3: api.s3ConfigFromEnv(env),
      clock: options.clock,
      scheduler: { enabled: env.XM_SCHEDULER !== 'off' },
      mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
    });
    return {
      url: running.url,
      embedded,
      demoAccounts: demo ? demo.DEMO_ACCOUNTS : [],
      demoPassword: demo ? demo.DEMO_PASSWORD : null,
      async stop() {
        await running.close();
        await stopDatabase();
      },
    };
  } catch (error) {
    await stopDatabase();
    throw error;
  }
}
