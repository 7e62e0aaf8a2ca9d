import { freePort } from '@xiangmeng/database';
import { startPlatform } from '@xiangmeng/infra/platform';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');
const builtEntryPoints = [
  'apps/province-web/dist/index.html',
  'apps/city-web/dist/index.html',
  'apps/api/dist/server.js',
];

/**
 * Starts the whole platform on free ports with its own embedded PostgreSQL in a temp dir, so the
 * stories never touch a developer's `.data` or DATABASE_URL. The returned function is the global
 * teardown: it stops the platform and removes the temp dir.
 */
export default async function startPlatformForBrowserTests(): Promise<() => Promise<void>> {
  const missing = builtEntryPoints.filter((path) => !existsSync(join(repoRoot, path)));
  if (missing.length > 0) {
    throw new Error(
      `browser tests need the built apps (missing ${missing.join(', ')}): run \`npm run build\` first`,
    );
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'xiangmeng-e2e-'));
  // As root the embedded server runs as the `postgres` user, which must reach its folder inside.
  if (process.getuid?.() === 0) chmodSync(dataDir, 0o755);
  const startupLog: string[] = [];
  try {
    const platform = await startPlatform({
      dataDir,
      port: await freePort(),
      pgPort: await freePort(),
      env: { ...process.env, DATABASE_URL: '', MIGRATION_DATABASE_URL: '', COOKIE_SECURE: 'false' },
      log: (line) => startupLog.push(line),
    });
    process.env.XM_E2E_BASE_URL = platform.url;
    console.log(`browser tests: platform at ${platform.url} (database in ${dataDir})`);
    return async () => {
      try {
        await platform.stop();
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    if (startupLog.length > 0) console.error(startupLog.join('\n'));
    throw error;
  }
}
