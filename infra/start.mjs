#!/usr/bin/env node
// `npm start`: runs the platform and stops all of it (the embedded database included) on Ctrl-C.
import { startPlatform } from './platform.mjs';

const log = (line) => console.log(line);

let platform;
let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  log(`\n收到 ${signal}，正在停止…`);
  try {
    await platform?.stop();
  } finally {
    process.exit(0);
  }
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

try {
  platform = await startPlatform({ log });
} catch (error) {
  console.error('启动失败：', error);
  process.exit(1);
}

const byTenant = new Map();
for (const account of platform.demoAccounts) {
  if (!byTenant.has(account.tenantCode)) byTenant.set(account.tenantCode, []);
  byTenant.get(account.tenantCode).push(account.username);
}
log('');
log('湘盟 Xiangmeng 已启动');
log(`  省级管理端   ${platform.url}/province/`);
log(`  市州工作端   ${platform.url}/city/`);
log(`  GraphQL API  ${platform.url}/graphql`);
if (platform.demoAccounts.length) {
  log('');
  log(`演示账号（密码均为 ${platform.demoPassword}）：`);
  log('  省级管理端：admin（省厅管理员）、officer（省厅业务人员）、expert 及 expert1～expert5（专家库评审专家）');
  log('  市州工作端：先选所在市州，再用 admin（市州管理员）或 officer（市州业务人员）登录，例如 长沙市 / officer');
}
log('');
log('按 Ctrl-C 停止。');
