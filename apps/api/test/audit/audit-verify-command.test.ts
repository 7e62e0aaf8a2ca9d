import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appendEvents, auditRows, withTamperedChain } from '../support/audit-chain';
import { databaseUrls, tenantId } from '../support/harness';

// `npm run audit:verify` runs infra/audit-verify.mjs on the built API; here against the test
// database through AUDIT_DATABASE_URL.

const API_DIR = join(__dirname, '..', '..');
const SCRIPT = join(API_DIR, '..', '..', 'infra', 'audit-verify.mjs');
const TENANT = '431300';

type Run = { code: number | null; stdout: string; stderr: string };

function runVerify(url: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT], { env: { ...process.env, AUDIT_DATABASE_URL: url } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// The command loads the built API (dist); build it when the verifier there is older than its source.
function ensureBuilt(): void {
  const built = join(API_DIR, 'dist', 'modules', 'audit', 'audit-chain.js');
  const source = join(API_DIR, 'src', 'modules', 'audit', 'audit-chain.ts');
  if (
    existsSync(join(API_DIR, 'dist', 'server.js')) &&
    existsSync(built) &&
    statSync(built).mtimeMs >= statSync(source).mtimeMs
  )
    return;
  spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: API_DIR,
    stdio: 'inherit',
  });
  if (!existsSync(built)) throw new Error('the API did not build');
}

describe('npm run audit:verify', () => {
  let tenant: string;

  beforeAll(async () => {
    ensureBuilt();
    tenant = await tenantId(TENANT);
    await appendEvents(tenant, 4);
  }, 90_000);

  it('exits 0 on intact chains, with a summary', async () => {
    const run = await runVerify(databaseUrls().adminUrl);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/事件 events: [1-9]/);
    expect(run.stdout).toContain('断裂 breaks: 0');
    const password = decodeURIComponent(new URL(databaseUrls().adminUrl).password);
    if (password) expect(run.stdout).not.toContain(password);
  });

  it('exits 1 on a tampered chain and names the broken event', async () => {
    const rows = await auditRows(tenant);
    const victim = rows[rows.length - 3]!;
    const run = await withTamperedChain(
      tenant,
      (c) => c.query(`UPDATE audit_event SET after = '{"i": 99}'::jsonb WHERE id = $1`, [victim.id]),
      () => runVerify(databaseUrls().adminUrl),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('断裂 breaks: 1');
    expect(run.stdout).toContain(
      `租户 tenant ${TENANT}  序号 seq ${victim.seq}  事件 event ${victim.id}  HASH_MISMATCH`,
    );
    // Restored.
    expect((await runVerify(databaseUrls().adminUrl)).code).toBe(0);
  });

  it('refuses a connection that row-level security would blind (exit 2)', async () => {
    const run = await runVerify(databaseUrls().appUrl);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/BYPASSRLS/);
  });
});
