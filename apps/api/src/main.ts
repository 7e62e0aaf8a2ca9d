// Runs the API alone against an existing database (development and production). `npm start`
// at the repository root runs the whole platform instead (infra/start.mjs).
import { join } from 'node:path';
import { runMigrations } from './database/data-source';
import { s3ConfigFromEnv } from './modules/documents/s3-storage';
import { startApi } from './server';

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL (the runtime role xiangmeng_app) is required');
  if (process.env.MIGRATION_DATABASE_URL) await runMigrations(process.env.MIGRATION_DATABASE_URL);
  const production = process.env.NODE_ENV === 'production';
  const running = await startApi({
    databaseUrl,
    production,
    cookieSecure: process.env.COOKIE_SECURE ? process.env.COOKIE_SECURE === 'true' : production,
    documentsDir: process.env.XM_DOCUMENTS_DIR ?? join(process.cwd(), '.data', 'documents'),
    s3: s3ConfigFromEnv(process.env),
    port: Number(process.env.PORT ?? 3000),
    host: process.env.HOST ?? '127.0.0.1',
    trustProxy: process.env.TRUST_PROXY ? Number(process.env.TRUST_PROXY) : undefined,
    scheduler: {
      enabled: process.env.XM_SCHEDULER !== 'off',
      ...(process.env.XM_SCHEDULER_POLL_MS ? { pollMs: Number(process.env.XM_SCHEDULER_POLL_MS) } : {}),
    },
    mail: {
      smtpUrl: process.env.SMTP_URL,
      from: process.env.MAIL_FROM,
      captureFile: process.env.XM_MAIL_CAPTURE_FILE,
    },
  });
  console.log(`湘盟 API: ${running.url}/graphql`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
