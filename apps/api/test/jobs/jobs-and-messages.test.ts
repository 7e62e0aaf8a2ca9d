import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobHandlers } from '../../src/modules/jobs/job-handlers';
import { JobScheduler, retryDelaySeconds } from '../../src/modules/jobs/job-scheduler';
import type { Job } from '../../src/modules/jobs/jobs.repository';
import { MessagesService } from '../../src/modules/messages/messages.service';
import {
  asAdmin,
  asRuntimeRole,
  createUser,
  errorCode,
  signedInAgent,
  startTestApi,
  type TestApi,
  type TestUser,
} from '../support/harness';
import { TestClock } from '../support/test-clock';

// Jobs (claimed with SKIP LOCKED, finished in the transaction that does their work, retried with
// backoff) and messages (posted in the step's transaction, read only by their recipient, mailed
// once). Each test uses its own job kinds and keys; the scheduler runs by hand on a test clock.

const clock = new TestClock(new Date('2026-12-05T09:00:00+08:00'));
let api: TestApi;
let captureDir: string;
let captureFile: string;
let province: TestUser;
let provinceOfficer: TestUser;
let changsha: TestUser;
let changshaOfficer: TestUser;
let zhuzhou: TestUser;

const MESSAGE_Q = `query($unread: Boolean) { myMessages(unreadOnly: $unread) { id kind kindLabel title body link readAt } unreadMessageCount }`;
const MARK_READ = `mutation($id: ID!) { markMessageRead(id: $id) { id readAt } }`;

function scheduler(): JobScheduler {
  return api.app.get(JobScheduler);
}

async function jobState(kind: string, key: string) {
  return asAdmin(async (c) => {
    const { rows } = await c.query<{
      state: string;
      attempts: number;
      run_at: Date;
      last_error: string | null;
    }>('SELECT state, attempts, run_at, last_error FROM job WHERE kind = $1 AND key = $2', [kind, key]);
    return rows[0];
  });
}

async function enqueue(
  tenant: string,
  kind: string,
  key: string,
  payload: Record<string, unknown> = {},
  runAt = clock.now(),
) {
  await asAdmin((c) =>
    c.query('INSERT INTO job (tenant_id, kind, key, payload, run_at) VALUES ($1, $2, $3, $4, $5)', [
      tenant,
      kind,
      key,
      JSON.stringify(payload),
      runAt,
    ]),
  );
}

/** Posts a message the way a feature does: in a transaction of the sending tenant's identity. */
async function post(
  from: TestUser,
  to: { tenantId: string; roles: string[] } | { tenantId: string; userId: string },
  dedupeKey: string,
) {
  const dataSource = api.app.get(DataSource);
  return dataSource.transaction(async (db: EntityManager) => {
    await db.query(
      `SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true), set_config('app.roles', $3, true)`,
      [from.tenantId, from.id, from.roles.join(',')],
    );
    return api.app.get(MessagesService).post(db, {
      to: to as never,
      kind: 'PILOT_RETURNED',
      title: '试点申报被退回',
      body: '请按意见修改后重新提交。',
      link: '/pilot-applications/x',
      subjectType: 'pilot_application',
      subjectId: null,
      dedupeKey,
    });
  });
}

beforeAll(async () => {
  captureDir = mkdtempSync(join(tmpdir(), 'xiangmeng-mail-'));
  captureFile = join(captureDir, 'mail.jsonl');
  api = await startTestApi({ clock, mail: { captureFile } });
  province = await createUser('430000', ['PROVINCE_ADMIN'], 'jp');
  provinceOfficer = await createUser('430000', ['PROVINCE_OFFICER'], 'jpo');
  changsha = await createUser('430100', ['CITY_ADMIN'], 'jc');
  changshaOfficer = await createUser('430100', ['CITY_OFFICER'], 'jco');
  zhuzhou = await createUser('430200', ['CITY_ADMIN'], 'jz');
  await asAdmin((c) =>
    c.query(`UPDATE app_user SET email = username || '@example.cn' WHERE id = $1`, [changsha.id]),
  );
});

afterAll(async () => {
  await api.close();
  rmSync(captureDir, { recursive: true, force: true });
});

describe('messages: posted with the step, read by their recipient only', () => {
  it('reaches every active user of the role in the city, once per dedupe key', async () => {
    const key = `returned-${randomUUID()}`;
    expect(
      await post(province, { tenantId: changsha.tenantId, roles: ['CITY_ADMIN', 'CITY_OFFICER'] }, key),
    ).toBeGreaterThanOrEqual(2);
    expect(
      await post(province, { tenantId: changsha.tenantId, roles: ['CITY_ADMIN', 'CITY_OFFICER'] }, key),
    ).toBe(0);
    const admin = await signedInAgent(api, changsha);
    const officer = await signedInAgent(api, changshaOfficer);
    for (const agent of [admin, officer]) {
      const res = await agent.send<{
        myMessages: { title: string; kindLabel: string }[];
        unreadMessageCount: number;
      }>(MESSAGE_Q, {});
      const mine = res.data!.myMessages.filter((m) => m.title === '试点申报被退回');
      expect(mine.length).toBeGreaterThanOrEqual(1);
      expect(mine[0]!.kindLabel).toBe('试点申报被退回');
      expect(res.data!.unreadMessageCount).toBeGreaterThanOrEqual(1);
    }
  });

  it('is never seen by another user, another city or the province; marking another’s is NOT_FOUND, as for a random id', async () => {
    await post(province, { tenantId: changsha.tenantId, userId: changsha.id }, `own-${randomUUID()}`);
    const admin = await signedInAgent(api, changsha);
    const mine = (await admin.send<{ myMessages: { id: string }[] }>(MESSAGE_Q, {})).data!.myMessages;
    const target = mine[0]!.id;
    for (const user of [changshaOfficer, zhuzhou, province, provinceOfficer]) {
      const agent = await signedInAgent(api, user);
      const theirs = (await agent.send<{ myMessages: { id: string }[] }>(MESSAGE_Q, {})).data!.myMessages;
      expect(theirs.map((m) => m.id)).not.toContain(target);
      const marked = await agent.send(MARK_READ, { id: target });
      const random = await agent.send(MARK_READ, { id: randomUUID() });
      expect([errorCode(marked), errorCode(random)]).toEqual(['NOT_FOUND', 'NOT_FOUND']);
      expect(marked.errors?.[0]?.message).toBe(random.errors?.[0]?.message);
    }
    // At the SQL level too: the runtime role with the officer's identity reads none of the admin's.
    const rows = await asRuntimeRole(
      { tenantId: changsha.tenantId, userId: changshaOfficer.id, roles: ['CITY_OFFICER'] },
      async (c) => (await c.query<{ id: string }>('SELECT id FROM message WHERE id = $1', [target])).rows,
    );
    expect(rows).toEqual([]);
  });

  it('marks one read, then all; the unread count follows', async () => {
    await post(province, { tenantId: zhuzhou.tenantId, userId: zhuzhou.id }, `a-${randomUUID()}`);
    await post(province, { tenantId: zhuzhou.tenantId, userId: zhuzhou.id }, `b-${randomUUID()}`);
    const agent = await signedInAgent(api, zhuzhou);
    const before = (
      await agent.send<{ myMessages: { id: string }[]; unreadMessageCount: number }>(MESSAGE_Q, {
        unread: true,
      })
    ).data!;
    const marked = await agent.send<{ markMessageRead: { readAt: string | null } }>(MARK_READ, {
      id: before.myMessages[0]!.id,
    });
    expect(marked.data!.markMessageRead.readAt).not.toBeNull();
    const after = (await agent.send<{ unreadMessageCount: number }>(MESSAGE_Q, {})).data!;
    expect(after.unreadMessageCount).toBe(before.unreadMessageCount - 1);
    const all = await agent.send<{ markAllMessagesRead: number }>('mutation { markAllMessagesRead }', {});
    expect(all.data!.markAllMessagesRead).toBe(before.unreadMessageCount - 1);
    expect((await agent.send<{ unreadMessageCount: number }>(MESSAGE_Q, {})).data!.unreadMessageCount).toBe(
      0,
    );
  });

  it('goes from a city to its province and from the province to a city, never to a sibling city', async () => {
    expect(
      await post(
        changsha,
        { tenantId: province.tenantId, roles: ['PROVINCE_OFFICER'] },
        `up-${randomUUID()}`,
      ),
    ).toBeGreaterThanOrEqual(1);
    await expect(
      post(changsha, { tenantId: zhuzhou.tenantId, roles: ['CITY_ADMIN'] }, `side-${randomUUID()}`),
    ).rejects.toThrow(/may not write/);
  });

  it('cannot be written, re-addressed or marked for someone else by the runtime role directly', async () => {
    const identity = { tenantId: changsha.tenantId, userId: changshaOfficer.id, roles: ['CITY_OFFICER'] };
    await expect(
      asRuntimeRole(identity, (c) =>
        c.query(
          `INSERT INTO message (tenant_id, recipient_id, kind, title, body, dedupe_key, sender_tenant_id, created_at)
           VALUES ($1, $2, 'PILOT_RETURNED', 't', 'b', 'k', $1, now())`,
          [changsha.tenantId, changshaOfficer.id],
        ),
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      asRuntimeRole(identity, (c) => c.query(`UPDATE message SET recipient_id = $1`, [changshaOfficer.id])),
    ).rejects.toThrow(/permission denied/);
  });
});

describe('jobs: claimed once, finished with their work, retried with backoff', () => {
  it('mails a message to a recipient with an address exactly once, even when the job runs again', async () => {
    const key = `mail-${randomUUID()}`;
    await post(province, { tenantId: changsha.tenantId, userId: changsha.id }, key);
    const id = await asAdmin(
      async (c) =>
        (await c.query<{ id: string }>('SELECT id FROM message WHERE dedupe_key = $1', [key])).rows[0]!.id,
    );
    expect((await jobState('message.mail', id))?.state).toBe('PENDING');
    await scheduler().runDue();
    expect((await jobState('message.mail', id))?.state).toBe('DONE');
    // The job run again (as after a crash before its DONE was seen): the message is marked mailed.
    await asAdmin((c) =>
      c.query(`UPDATE job SET state = 'PENDING', done_at = NULL WHERE kind = 'message.mail' AND key = $1`, [
        id,
      ]),
    );
    await scheduler().runDue();
    const sent = readFileSync(captureFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { messageId: string; to: string; subject: string });
    const mine = sent.filter((m) => m.messageId === `<${id}@xiangmeng>`);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.to).toBe(`${changsha.username}@example.cn`);
    expect(mine[0]!.subject).toBe('【湘盟】试点申报被退回');
  });

  it('posts no mail job for a recipient without an address', async () => {
    const key = `nomail-${randomUUID()}`;
    await post(province, { tenantId: zhuzhou.tenantId, userId: zhuzhou.id }, key);
    const jobs = await asAdmin(
      async (c) =>
        (
          await c.query<{ id: string }>(
            `SELECT j.id FROM job j JOIN message m ON m.id::text = j.key WHERE m.dedupe_key = $1`,
            [key],
          )
        ).rows,
    );
    expect(jobs).toEqual([]);
  });

  it('rolls back a failed attempt’s work, retries after the backoff, and gives up after the last attempt', async () => {
    const kind = `test.flaky_${randomUUID().slice(0, 8)}`;
    let calls = 0;
    api.app.get(JobHandlers).register({
      kind,
      actsAs: 'NOBODY',
      async run(db: EntityManager, job: Job) {
        calls += 1;
        // Work done before the failure: must not survive the attempt.
        await db.query(
          `SELECT message_post($1, NULL, $2, 'DEADLINE_SOON', '期限提醒', '测试', NULL, NULL, NULL, $3, now())`,
          [job.tenantId, zhuzhou.id, `${kind}-${calls}`],
        );
        throw new Error(`attempt ${calls} failed`);
      },
    });
    await enqueue(zhuzhou.tenantId, kind, 'k');
    await asAdmin((c) => c.query('UPDATE job SET max_attempts = 3 WHERE kind = $1', [kind]));
    const first = await scheduler().runDue();
    expect(first.retried).toBe(1);
    let state = await jobState(kind, 'k');
    expect(state).toMatchObject({ state: 'PENDING', attempts: 1, last_error: 'attempt 1 failed' });
    expect(new Date(state!.run_at).getTime()).toBe(clock.now().getTime() + retryDelaySeconds(1) * 1000);
    // Not due before its backoff has passed.
    expect((await scheduler().runDue()).retried).toBe(0);
    clock.advance(retryDelaySeconds(1) * 1000);
    await scheduler().runDue();
    clock.advance(retryDelaySeconds(2) * 1000);
    const last = await scheduler().runDue();
    expect(last.failed).toBe(1);
    state = await jobState(kind, 'k');
    expect(state).toMatchObject({ state: 'FAILED', attempts: 3 });
    const leaked = await asAdmin(
      async (c) =>
        (await c.query<{ id: string }>(`SELECT id FROM message WHERE dedupe_key LIKE $1`, [`${kind}%`])).rows,
    );
    expect(leaked).toEqual([]);
  });

  it('lets the runtime role enqueue and move its own tenant’s pending jobs only', async () => {
    const identity = { tenantId: changsha.tenantId, userId: changsha.id, roles: ['CITY_ADMIN'] };
    await asRuntimeRole(identity, async (c) => {
      await c.query(`INSERT INTO job (tenant_id, kind, key, run_at) VALUES ($1, 'test.own', 'k1', now())`, [
        changsha.tenantId,
      ]);
      const { rows } = await c.query(`SELECT key FROM job WHERE kind = 'test.own'`);
      expect(rows).toEqual([{ key: 'k1' }]);
    });
    await expect(
      asRuntimeRole(identity, (c) =>
        c.query(`INSERT INTO job (tenant_id, kind, key, run_at) VALUES ($1, 'test.other', 'k1', now())`, [
          zhuzhou.tenantId,
        ]),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      asRuntimeRole(identity, (c) =>
        c.query(
          `INSERT INTO job (tenant_id, kind, key, run_at, state) VALUES ($1, 'test.done', 'k1', now(), 'DONE')`,
          [changsha.tenantId],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(asRuntimeRole(identity, (c) => c.query(`UPDATE job SET locked_by = 'me'`))).rejects.toThrow(
      /permission denied/,
    );
  });

  it('runs each of 40 due jobs once when two API instances drain them at the same time', async () => {
    const kind = `test.count_${randomUUID().slice(0, 8)}`;
    const runs: string[] = [];
    const second = await startTestApi({ clock, mail: { captureFile } });
    try {
      for (const instance of [api, second]) {
        instance.app.get(JobHandlers).register({
          kind,
          actsAs: 'NOBODY',
          async run(db: EntityManager, job: Job) {
            await db.query('SELECT pg_sleep(0.01)');
            runs.push(job.key);
          },
        });
      }
      for (let i = 0; i < 40; i += 1) await enqueue(changsha.tenantId, kind, `k${i}`);
      const [a, b] = await Promise.all([scheduler().runDue(), second.app.get(JobScheduler).runDue()]);
      expect(a.done + b.done).toBe(40);
      expect(new Set(runs).size).toBe(40);
      expect(runs).toHaveLength(40);
      const states = await asAdmin(
        async (c) =>
          (await c.query<{ state: string }>(`SELECT DISTINCT state FROM job WHERE kind = $1`, [kind])).rows,
      );
      expect(states).toEqual([{ state: 'DONE' }]);
    } finally {
      await second.close();
    }
  });

  it('takes back a job whose worker died (lease run out) and runs it once', async () => {
    const kind = `test.lease_${randomUUID().slice(0, 8)}`;
    const runs: string[] = [];
    api.app.get(JobHandlers).register({
      kind,
      actsAs: 'NOBODY',
      run(_db: EntityManager, job: Job) {
        runs.push(job.key);
        return Promise.resolve();
      },
    });
    await enqueue(changsha.tenantId, kind, 'k');
    // A worker that claimed it and vanished.
    await asAdmin((c) =>
      c.query(
        `UPDATE job SET state = 'RUNNING', locked_by = 'dead-worker', locked_until = $2, attempts = 1 WHERE kind = $1`,
        [kind, new Date(clock.now().getTime() + 60_000)],
      ),
    );
    await scheduler().runDue();
    expect(runs).toEqual([]);
    clock.advance(61_000);
    await scheduler().runDue();
    expect(runs).toEqual(['k']);
    expect(await jobState(kind, 'k')).toMatchObject({ state: 'DONE', attempts: 2 });
    expect(existsSync(captureFile)).toBe(true);
  });
});
