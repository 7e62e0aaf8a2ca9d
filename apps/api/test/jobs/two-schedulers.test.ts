import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltApi, type BuiltApi } from '../support/built-api';
import { asAdmin, createUser, type TestUser } from '../support/harness';

// Two API processes as deployed, each with its scheduler polling: every due job is run by one of
// them, once. The jobs are mails of messages, captured to one file by both processes.

const MESSAGES = 30;

describe('two API processes with their schedulers on one database', () => {
  let a: BuiltApi;
  let b: BuiltApi;
  let dir: string;
  let capture: string;
  let recipient: TestUser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xiangmeng-two-schedulers-'));
    capture = join(dir, 'mail.jsonl');
    recipient = await createUser('430300', ['CITY_OFFICER'], 'ts');
    await asAdmin((c) =>
      c.query(`UPDATE app_user SET email = 'two-schedulers@example.cn' WHERE id = $1`, [recipient.id]),
    );
    const env = { XM_SCHEDULER: 'on', XM_SCHEDULER_POLL_MS: '50', XM_MAIL_CAPTURE_FILE: capture };
    [a, b] = await Promise.all([startBuiltApi(env), startBuiltApi(env)]);
  });

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it(`mails each of ${MESSAGES} messages once`, async () => {
    const batch = randomUUID();
    // Posted as the city itself would, in one transaction: the mail jobs become due together.
    await asAdmin(async (c) => {
      await c.query('BEGIN');
      await c.query(`SELECT set_config('app.tenant_id', $1, true)`, [recipient.tenantId]);
      for (let i = 0; i < MESSAGES; i += 1) {
        await c.query(
          `SELECT message_post($1, NULL, $2, 'DEADLINE_SOON', $3, '两进程测试', NULL, NULL, NULL, $4, now())`,
          [recipient.tenantId, recipient.id, `提醒 ${i}`, `${batch}-${i}`],
        );
      }
      await c.query('COMMIT');
    });
    const ids = await asAdmin(async (c) =>
      (
        await c.query<{ id: string }>('SELECT id FROM message WHERE dedupe_key LIKE $1', [`${batch}-%`])
      ).rows.map((r) => r.id),
    );
    expect(ids).toHaveLength(MESSAGES);

    const deadline = Date.now() + 60_000;
    let pending = MESSAGES;
    while (pending > 0 && Date.now() < deadline) {
      await new Promise((done) => setTimeout(done, 200));
      pending = await asAdmin(async (c) =>
        Number(
          (
            await c.query<{ n: string }>(
              `SELECT count(*) AS n FROM job WHERE kind = 'message.mail' AND key = ANY($1) AND state <> 'DONE'`,
              [ids],
            )
          ).rows[0]!.n,
        ),
      );
    }
    expect(pending).toBe(0);
    expect(existsSync(capture)).toBe(true);
    const sent = readFileSync(capture, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { messageId: string; pid: number });
    const ours = sent.filter((m) => ids.some((id) => m.messageId === `<${id}@xiangmeng>`));
    expect(ours).toHaveLength(MESSAGES);
    expect(new Set(ours.map((m) => m.messageId)).size).toBe(MESSAGES);
    const mailed = await asAdmin(async (c) =>
      Number(
        (
          await c.query<{ n: string }>(
            'SELECT count(*) AS n FROM message WHERE id = ANY($1) AND mailed_at IS NOT NULL',
            [ids],
          )
        ).rows[0]!.n,
      ),
    );
    expect(mailed).toBe(MESSAGES);
    console.log(
      `two schedulers: ${MESSAGES} mails, sent by ${new Set(ours.map((m) => m.pid)).size} process(es), duplicates 0`,
    );
  });
});
