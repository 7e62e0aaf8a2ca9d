#!/usr/bin/env node
// Creates the roles and the database on an external server, once, as a superuser:
//   OWNER_PASSWORD=… APP_PASSWORD=… node packages/database/bootstrap-cli.mjs postgres://postgres@db:5432/postgres xiangmeng
import { bootstrapDatabase } from './index.mjs';

const [adminUrl, database = 'xiangmeng'] = process.argv.slice(2);
const { OWNER_PASSWORD: ownerPassword, APP_PASSWORD: appPassword } = process.env;
if (!adminUrl || !ownerPassword || !appPassword) {
  console.error('usage: OWNER_PASSWORD=… APP_PASSWORD=… node packages/database/bootstrap-cli.mjs <superuser-url> [database]');
  process.exit(2);
}
const urls = await bootstrapDatabase({ adminUrl, database, ownerPassword, appPassword });
const hide = (url) => url.replace(/:[^:@/]+@/, ':***@');
console.log(`DATABASE_URL=${hide(urls.appUrl)}`);
console.log(`MIGRATION_DATABASE_URL=${hide(urls.ownerUrl)}`);
