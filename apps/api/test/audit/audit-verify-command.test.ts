import { spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendEvents,
  auditRows,
  deleteNewestEvent,
  rewriteNewestEvent,
  withTamperedChain,
} from '../support/audit-chain';
import { databaseUrls, tenantId } from '../support/harness';

// `npm run audit:verify` runs infra/audit-verify.mjs on the built API; here against the test
// database through AUDIT_DATABASE_URL.

const API_DIR = join(__dirname, '..', '..');
const SCRIPT = join(API_DIR, '..', '..', 'infra', 'audit-verify.mjs');
const EXPORT_SCRIPT = join(API_DIR, '..', '..', 'infra', 'audit-export-head.mjs');
const TENANT = '431300';

type Run = { code: number | null; stdout: string; stderr: string };

function runScript(
  url: string,
  args: string[] = [],
  script = SCRIPT,
  env: Record<string, string> = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: {
        ...process.env,
        XM_AUDIT_SIGNING_KEY: '',
        npm_lifecycle_event: '',
        ...env,
        AUDIT_DATABASE_URL: url,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const runVerify = (url: string) => runScript(url);

// The commands load the built API (dist); build it when what they use there is older than its source.
const BUILT_FROM = ['server', 'modules/audit/audit-chain', 'modules/audit/chain-head'];
function ensureBuilt(): void {
  const fresh = (name: string) => {
    const js = join(API_DIR, 'dist', `${name}.js`);
    return existsSync(js) && statSync(js).mtimeMs >= statSync(join(API_DIR, 'src', `${name}.ts`)).mtimeMs;
  };
  if (BUILT_FROM.every(fresh)) return;
  spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: API_DIR,
    stdio: 'inherit',
  });
  if (!BUILT_FROM.every(fresh)) throw new Error('the API did not build');
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

describe('npm run audit:export-head and audit:verify --head', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xiangmeng-audit-head-'));
  const keyPath = join(dir, 'signing.pem');
  const publicKeyPath = join(dir, 'signing.pub.pem');
  const headPath = join(dir, 'head.json');
  let tenant: string;

  const exportHead = (env: Record<string, string> = { XM_AUDIT_SIGNING_KEY: keyPath }) =>
    runScript(databaseUrls().adminUrl, ['--out', headPath], EXPORT_SCRIPT, env);
  const verifyHead = (head = headPath, publicKey = publicKeyPath) =>
    runScript(databaseUrls().adminUrl, ['--head', head, '--public-key', publicKey]);
  const exportedHead = () =>
    (
      JSON.parse(readFileSync(headPath, 'utf8')) as { heads: { tenantCode: string; seq: string }[] }
    ).heads.find((h) => h.tenantCode === TENANT)!;
  const headBreak = (seq: string, reason: string) =>
    `租户 tenant ${TENANT}  导出序号 exported seq ${seq}  ${reason}`;

  beforeAll(async () => {
    ensureBuilt();
    tenant = await tenantId(TENANT);
    await appendEvents(tenant, 2);
    writeFileSync(
      keyPath,
      generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }),
      { mode: 0o600 },
    );
  }, 90_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exports a signed head file, writing the public key beside the private one', async () => {
    const run = await exportHead();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`链头文件 head file: ${headPath}`);
    expect(run.stdout).toContain(`校验公钥 public key: ${publicKeyPath}`);
    expect(existsSync(publicKeyPath)).toBe(true);
    const rows = await auditRows(tenant);
    expect(exportedHead().seq).toBe(rows.at(-1)!.seq);
  });

  it('verifies untouched chains against the head (exit 0)', async () => {
    const run = await verifyHead();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('链头断裂 head breaks: 0');
  });

  it('exits 1 naming the tenant and seq when the newest event was deleted, also with --head given to npm', async () => {
    const exported = exportedHead();
    expect((await auditRows(tenant)).at(-1)!.seq).toBe(exported.seq);
    const [plain, withHead, throughNpm] = await withTamperedChain(
      tenant,
      (c) => deleteNewestEvent(c, tenant),
      async () =>
        [
          await runVerify(databaseUrls().adminUrl),
          await verifyHead(),
          // What `npm run audit:verify --head FILE --public-key=KEY` (no `--`) hands the script.
          await runScript(databaseUrls().adminUrl, [], SCRIPT, {
            npm_lifecycle_event: 'audit:verify',
            npm_config_heading: headPath,
            npm_config_public_key: publicKeyPath,
          }),
        ] as const,
    );
    // The walk alone sees a shorter chain that links perfectly.
    expect(plain.code).toBe(0);
    for (const run of [withHead, throughNpm]) {
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('断裂 breaks: 0');
      expect(run.stdout).toContain('链头断裂 head breaks: 1');
      expect(run.stdout).toContain(headBreak(exported.seq, 'CHAIN_SHORTER'));
    }
    expect((await verifyHead()).code).toBe(0);
  });

  it('exits 1 naming the tenant and seq when the newest event was rewritten with its hash recomputed', async () => {
    const exported = exportedHead();
    const [plain, withHead] = await withTamperedChain(
      tenant,
      (c) => rewriteNewestEvent(c, tenant),
      async () => [await runVerify(databaseUrls().adminUrl), await verifyHead()] as const,
    );
    expect(plain.code).toBe(0);
    expect(withHead.code).toBe(1);
    expect(withHead.stdout).toContain('断裂 breaks: 0');
    expect(withHead.stdout).toContain(headBreak(exported.seq, 'HEAD_MISMATCH'));
  });

  it('still exits 0 after more events are appended', async () => {
    await appendEvents(tenant, 1);
    const run = await verifyHead();
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('链头断裂 head breaks: 0');
  });

  it('exits 1 with BAD_SIGNATURE for an altered file or another key', async () => {
    const altered = join(dir, 'altered.json');
    const file = JSON.parse(readFileSync(headPath, 'utf8')) as { heads: { seq: string }[] };
    file.heads[0]!.seq = String(BigInt(file.heads[0]!.seq) - 1n);
    writeFileSync(altered, JSON.stringify(file));
    const run = await verifyHead(altered);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('BAD_SIGNATURE');

    const otherKey = join(dir, 'other.pub.pem');
    writeFileSync(otherKey, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }));
    const other = await verifyHead(headPath, otherKey);
    expect(other.code).toBe(1);
    expect(other.stdout).toContain('BAD_SIGNATURE');
  });

  it('will not export without a key for an outside database, nor verify without the head file (exit 2)', async () => {
    const noKey = await exportHead({});
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('XM_AUDIT_SIGNING_KEY');
    const missing = await verifyHead(join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json');
  });

  it('refuses to export the head of a broken chain (exit 1)', async () => {
    const rows = await auditRows(tenant);
    const out = join(dir, 'broken.json');
    const run = await withTamperedChain(
      tenant,
      (c) =>
        c.query(`UPDATE audit_event SET after = '{"i": 98}'::jsonb WHERE id = $1`, [
          rows[rows.length - 2]!.id,
        ]),
      () =>
        runScript(databaseUrls().adminUrl, ['--out', out], EXPORT_SCRIPT, { XM_AUDIT_SIGNING_KEY: keyPath }),
    );
    expect(run.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });
});
