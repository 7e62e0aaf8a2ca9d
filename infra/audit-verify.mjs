#!/usr/bin/env node
// `npm run audit:verify [-- --head FILE [--public-key FILE]]`: walks every tenant's audit hash
// chain and names the first broken event of each. With --head, also checks the chains against a
// signed head file from `npm run audit:export-head`: the walk cannot see the newest events of a
// chain deleted, the head can. Exits 0 when all is intact, 1 when anything is broken, 2 when it
// could not check. Which database: see audit-target.mjs (AUDIT_DATABASE_URL or the embedded one).
import { createPublicKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  assertSeesEveryTenant,
  auditTarget,
  CheckError,
  DATA_DIR,
  explainDatabaseError,
  loadApi,
  runCommand,
} from './audit-target.mjs';

const REASONS = {
  SEQUENCE_GAP: '序号不连续，有事件缺失 sequence gap: events are missing',
  PREVIOUS_HASH_MISMATCH:
    '与前一事件的链接断开（删除、插入或重排） link to the previous event broken: deleted, inserted or reordered',
  HASH_MISMATCH: '内容与哈希不符，事件被改动 content does not match its hash: the event was altered',
};

const HEAD_REASONS = {
  BAD_SIGNATURE:
    '链头文件签名无效（文件被改动，或由另一密钥签名） bad signature: the head file was altered or signed by another key',
  CHAIN_SHORTER:
    '审计链在导出的链头之前结束，最新的事件被删除 the chain ends before the exported head: newest events deleted',
  HEAD_MISMATCH: '导出序号处的事件哈希不同 the event at the exported seq has another hash',
  TENANT_MISSING: '该租户已没有任何审计事件 the tenant has no audit events now',
};

// `npm run audit:verify --head FILE`, without `--`, gives the options to npm, not to this script:
// npm 11 takes --head for its own --heading and runs the script without it, and the check would
// pass without the head. npm passes such options on as npm_config_* variables: take them there.
function optionsGivenToNpm() {
  if (process.env.npm_lifecycle_event !== 'audit:verify') return {};
  // A bare flag npm does not know arrives as "true"; its value then reaches parseArgs and fails there.
  const value = (name) => {
    const v = process.env[`npm_config_${name}`];
    return v && v !== 'true' ? v : undefined;
  };
  const given = { head: value('head') ?? value('heading'), 'public-key': value('public_key') };
  return Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
}

function options() {
  try {
    const { values } = parseArgs({ options: { head: { type: 'string' }, 'public-key': { type: 'string' } } });
    return { ...optionsGivenToNpm(), ...values };
  } catch (error) {
    throw new CheckError(
      `参数有误 bad arguments: ${error.message}\n` +
        '用法 usage: npm run audit:verify [-- --head FILE [--public-key FILE]]',
    );
  }
}

function readFile(path, what) {
  if (!existsSync(path)) throw new CheckError(`找不到${what.zh} ${what.en} not found: ${path}`);
  return readFileSync(path, 'utf8');
}

/** The head file and public key, read before the database is touched. */
function readHead(values) {
  if (!values.head) {
    if (values['public-key']) throw new CheckError('--public-key 需要 --head  --public-key needs --head');
    return null;
  }
  const headPath = resolve(values.head);
  const keyPath = resolve(values['public-key'] ?? join(DATA_DIR, 'audit-signing-key.pub.pem'));
  const text = readFile(headPath, { zh: '链头文件', en: 'head file' });
  const publicKey = readFile(keyPath, { zh: '公钥', en: 'public key' });
  let keyType;
  try {
    keyType = createPublicKey(publicKey).asymmetricKeyType;
  } catch (error) {
    throw new CheckError(`公钥无法读取 cannot read the public key ${keyPath}: ${error.message}`);
  }
  if (keyType !== 'ed25519')
    throw new CheckError(`公钥不是 Ed25519 the public key is not Ed25519: ${keyPath}`);
  let signed;
  try {
    signed = JSON.parse(text);
  } catch {
    // Not JSON is one more way of being altered: the signature cannot hold.
    signed = null;
  }
  return { headPath, keyPath, signed, publicKey };
}

function printReport(report, headReport, head, label) {
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
  if (headReport) {
    lines.push(
      `  链头文件 head file: ${head.headPath}` +
        (headReport.exportedAt ? `（导出于 exported at ${headReport.exportedAt}）` : ''),
      `  公钥 public key: ${head.keyPath}`,
      `  链头 exported heads: ${headReport.heads}`,
      `  链头断裂 head breaks: ${headReport.breaks.length}`,
    );
    for (const b of headReport.breaks) {
      const where =
        b.tenantCode === null ? '' : `租户 tenant ${b.tenantCode}  导出序号 exported seq ${b.seq}  `;
      const now = b.currentSeq ? `（现止于序号 now ends at seq ${b.currentSeq}）` : '';
      lines.push(`    ${where}${b.reason}: ${HEAD_REASONS[b.reason] ?? b.reason}${now}`);
    }
  }
  const broken = report.breaks.length + (headReport?.breaks.length ?? 0) > 0;
  lines.push(
    !broken
      ? '结论：全部审计链完好。 Result: every audit chain is intact.'
      : '结论：审计链已断裂，记录可能被篡改。 Result: BROKEN audit chain — records may have been tampered with.',
  );
  console.log(lines.join('\n'));
  return broken;
}

async function main() {
  const head = readHead(options());
  const { verifyAuditChains, verifyAgainstHeads } = loadApi('audit:verify');
  const target = await auditTarget();
  try {
    await assertSeesEveryTenant(target.url);
    const report = await verifyAuditChains(target.url);
    const headReport = head ? await verifyAgainstHeads(target.url, head.signed, head.publicKey) : null;
    return printReport(report, headReport, head, target.label) ? 1 : 0;
  } catch (error) {
    throw explainDatabaseError(error, target.url);
  } finally {
    await target.stop();
  }
}

await runCommand(main, '审计链未能校验 The audit chains could not be checked.');
