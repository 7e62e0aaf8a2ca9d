#!/usr/bin/env node
// `npm run audit:export-head [-- --out FILE]`: writes the head (newest event: seq and hash) of
// every tenant's audit chain to a file signed with Ed25519, to keep outside the database. Later,
// `npm run audit:verify -- --head FILE` proves the chains still reach those heads: deleting the
// newest events of a chain leaves a chain that links perfectly, which only the head exposes.
//
// The signing key is the PEM file XM_AUDIT_SIGNING_KEY names. When it is unset and the embedded
// database is used, .data/audit-signing-key.pem (+ .pub.pem) is made on first use. Chains that are
// already broken are not exported: a signed head would vouch for them. Exits 0 when written, 1
// when a chain is broken, 2 when it could not export. Database: see audit-target.mjs.
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
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

const DEFAULT_KEY = join(DATA_DIR, 'audit-signing-key.pem');
const DEFAULT_PUBLIC_KEY = join(DATA_DIR, 'audit-signing-key.pub.pem');

function options() {
  try {
    return parseArgs({ options: { out: { type: 'string' } } }).values;
  } catch (error) {
    throw new CheckError(
      `参数有误 bad arguments: ${error.message}\n用法 usage: audit-export-head.mjs [--out FILE]`,
    );
  }
}

/** The public key's path for a private key file: `x.pem` → `x.pub.pem`. */
const publicKeyPathOf = (keyPath) => keyPath.replace(/(\.pem)?$/, '.pub.pem');

/** `{ privateKeyPem, keyPath, publicKeyPath, notes }`; makes the embedded key pair on first use. */
function signingKey(target) {
  const notes = [];
  const configured = process.env.XM_AUDIT_SIGNING_KEY;
  let keyPath;
  if (configured) {
    keyPath = resolve(configured);
    if (!existsSync(keyPath))
      throw new CheckError(`找不到签名私钥 signing key not found: ${keyPath} (XM_AUDIT_SIGNING_KEY)`);
  } else if (target.embedded) {
    keyPath = DEFAULT_KEY;
    if (!existsSync(keyPath)) {
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      mkdirSync(DATA_DIR, { recursive: true });
      writeFileSync(keyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }), {
        mode: 0o600,
        flag: 'wx',
      });
      writeFileSync(DEFAULT_PUBLIC_KEY, publicKey.export({ type: 'spki', format: 'pem' }), { flag: 'w' });
      notes.push(
        `  已生成签名密钥 generated a signing key: ${keyPath}（私钥，勿外传 private, keep it secret）`,
        `                                        ${DEFAULT_PUBLIC_KEY}（公钥，用于校验 public, for verifying）`,
      );
    }
  } else {
    throw new CheckError(
      '请用 XM_AUDIT_SIGNING_KEY 指定 Ed25519 签名私钥（PEM 文件）。\n' +
        'Set XM_AUDIT_SIGNING_KEY to the Ed25519 signing key (a PEM file); keys are generated only for the embedded database.',
    );
  }
  const privateKeyPem = readFileSync(keyPath, 'utf8');
  let privateKey;
  try {
    privateKey = createPrivateKey(privateKeyPem);
  } catch (error) {
    throw new CheckError(`签名私钥无法读取 cannot read the signing key ${keyPath}: ${error.message}`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new CheckError(`签名私钥不是 Ed25519 the signing key is not Ed25519: ${keyPath}`);
  // The verifier needs the public half; write it beside the key when it is not there yet. A key
  // from a secret store often sits in a read-only folder: then the public key is made elsewhere.
  let publicKeyPath = publicKeyPathOf(keyPath);
  if (!existsSync(publicKeyPath)) {
    try {
      writeFileSync(publicKeyPath, createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }));
      notes.push(`  已写出公钥 wrote the public key: ${publicKeyPath}`);
    } catch (error) {
      notes.push(
        `  未能写出公钥 could not write the public key beside the signing key (${error.code}):`,
        `    openssl pkey -in ${keyPath} -pubout -out audit-signing-key.pub.pem`,
      );
      publicKeyPath = 'audit-signing-key.pub.pem';
    }
  }
  return { privateKeyPem, keyPath, publicKeyPath, notes };
}

const stamp = (iso) => iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

async function main() {
  const { out } = options();
  const { verifyAuditChains, exportChainHeads, signChainHeads } = loadApi('audit:export-head');
  const target = await auditTarget();
  try {
    await assertSeesEveryTenant(target.url);
    const key = signingKey(target);
    const walk = await verifyAuditChains(target.url);
    if (walk.breaks.length > 0) {
      console.log(
        `湘盟审计链头导出 Xiangmeng audit chain head export\n` +
          `  数据库 database: ${target.label}\n` +
          `  断裂 breaks: ${walk.breaks.length}（详见 see npm run audit:verify）\n` +
          '结论：审计链已断裂，不导出链头。 Result: BROKEN audit chain — no head exported.',
      );
      return 1;
    }
    const signed = signChainHeads(await exportChainHeads(target.url), key.privateKeyPem);
    const file = resolve(out ?? join(DATA_DIR, `audit-head-${stamp(signed.exportedAt)}.json`));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(signed, null, 2)}\n`);
    console.log(
      [
        '湘盟审计链头导出 Xiangmeng audit chain head export',
        `  数据库 database: ${target.label}`,
        ...key.notes,
        `  租户 tenants with events: ${signed.heads.length}`,
        `  链头文件 head file: ${file}`,
        `  签名私钥 signing key: ${key.keyPath}`,
        `  校验公钥 public key: ${key.publicKeyPath}`,
        '结论：已导出并签名，请将文件保存在数据库之外。 Result: exported and signed — keep the file outside the database.',
        `  校验 verify: npm run audit:verify -- --head ${file} --public-key ${key.publicKeyPath}`,
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    throw explainDatabaseError(error, target.url);
  } finally {
    await target.stop();
  }
}

await runCommand(main, '审计链头未能导出 The audit chain heads could not be exported.');
