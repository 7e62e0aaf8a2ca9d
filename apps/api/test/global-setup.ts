import { startScratchDatabase } from '@xiangmeng/database';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { runMigrations } from '../src/database/data-source';

export type DatabaseUrls = { ownerUrl: string; appUrl: string; adminUrl: string };

declare module 'vitest' {
  // Declaration merging is how Vitest types provided values.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    databaseUrls: DatabaseUrls;
  }
}

// One scratch database for the run: on DATABASE_URL's server when set, else an embedded one.
export default async function setup(project: TestProject) {
  const tmpDir = mkdtempSync(join(tmpdir(), 'xiangmeng-api-test-'));
  const database = await startScratchDatabase({ name: 'xiangmeng_test', tmpDir });
  await runMigrations(database.ownerUrl);
  project.provide('databaseUrls', {
    ownerUrl: database.ownerUrl,
    appUrl: database.appUrl,
    adminUrl: database.adminUrl,
  });
  return async () => {
    await database.stop();
    rmSync(tmpDir, { recursive: true, force: true });
  };
}
