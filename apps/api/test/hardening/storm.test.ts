import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltApi, type BuiltApi } from '../support/built-api';
import { asAdmin, createUser, errorCode, resetSignInThrottle, type TestUser } from '../support/harness';
import {
  cookieOf,
  graphqlBody,
  JSON_HEADERS,
  multipart,
  percentile,
  type RawAnswer,
  send,
} from '../support/raw-http';
import { FILES, RegisterClient } from '../support/register-client';

// The storm an outside tester raised against the built API in production mode: 50 simultaneous
// wrong-password sign-ins over 5 accounts, 20 slow uploads (a few bytes every 100 ms) and one
// steady signed-in reader, all at once. Every reader request is answered; afterwards no
// connection is left in a transaction and the pool serves as before. The reader's times are
// reported, not asserted.

const READER_QUERY = '{ alliances(first: 20) { nodes { id name status } } }';

describe('a storm of sign-ins and slow uploads', () => {
  let api: BuiltApi;
  let readerCookie: string;
  let uploaderCookie: string;
  let allianceId: string;
  let victims: TestUser[];

  beforeAll(async () => {
    await resetSignInThrottle();
    api = await startBuiltApi();
    const reader = await createUser('430600', ['CITY_OFFICER']);
    readerCookie = cookieOf((await api.agent().login(reader.tenantCode, reader.username)).setCookie);
    const uploaderAgent = api.agent();
    const uploader = await createUser('430600', ['CITY_OFFICER']);
    uploaderCookie = cookieOf((await uploaderAgent.login(uploader.tenantCode, uploader.username)).setCookie);
    allianceId = (await new RegisterClient(uploaderAgent).registerAlliance()).id;
    victims = await Promise.all(Array.from({ length: 5 }, () => createUser('430600', ['CITY_OFFICER'])));
  });
  afterAll(async () => {
    await api?.close();
    await resetSignInThrottle();
  });

  const read = () =>
    send(api.url, {
      path: '/graphql',
      headers: { ...JSON_HEADERS, cookie: readerCookie },
      body: graphqlBody(READER_QUERY),
    }).answer;

  function slowUpload() {
    const content = Buffer.concat([FILES.pdf(), Buffer.alloc(1200, 0x20)]);
    const { body, headers } = multipart(
      { allianceId, kind: 'ATTACHMENT' },
      { name: '慢速上传.pdf', content },
    );
    // About 1.5 kB in 40 pieces, 100 ms apart: four seconds for each upload.
    return send(api.url, {
      path: '/api/documents',
      headers: { ...headers, cookie: uploaderCookie },
      body,
      chunks: 40,
      intervalMs: 100,
    }).answer;
  }

  it('answers every reader request, leaves no connection in a transaction, and serves normally after', async () => {
    const uploads = Array.from({ length: 20 }, slowUpload);
    const signIns = Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        api
          .agent()
          .login('430600', victims[i % 5]!.username, `Storm@Guess${i}`)
          .then(errorCode),
      ),
    );
    let stormOver = false;
    const storm = Promise.all([signIns, Promise.all(uploads)]).finally(() => {
      stormOver = true;
    });

    const readings: RawAnswer[] = [];
    while (!stormOver) readings.push(await read());
    const [signInCodes, uploadAnswers] = await storm;

    const failedReads = readings.filter(
      (r) => r.status !== 200 || 'errors' in (JSON.parse(r.body) as object),
    );
    const times = readings.map((r) => r.ms);
    const count = (code: string) => signInCodes.filter((c) => c === code).length;
    console.log(
      `storm: reader ${readings.length} requests during the storm, p50 ${percentile(times, 50).toFixed(0)} ms, ` +
        `p99 ${percentile(times, 99).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms, errors ${failedReads.length}; ` +
        `sign-ins: ${count('LOGIN_FAILED')} refused as wrong, ${count('LOGIN_THROTTLED')} throttled, ` +
        `${count('SERVICE_BUSY')} busy; uploads ${uploadAnswers.filter((u) => u.status === 201).length}/20 stored`,
    );

    expect(readings.length).toBeGreaterThan(0);
    expect(failedReads).toEqual([]);
    expect(
      signInCodes.every((c) => c === 'LOGIN_FAILED' || c === 'LOGIN_THROTTLED' || c === 'SERVICE_BUSY'),
    ).toBe(true);
    expect(uploadAnswers.map((u) => u.status)).toEqual(Array(20).fill(201));

    const stuck = await asAdmin(
      async (c) =>
        (
          await c.query(
            `SELECT pid FROM pg_stat_activity WHERE usename = 'xiangmeng_app' AND datname = current_database()
             AND state LIKE 'idle in transaction%'`,
          )
        ).rowCount,
    );
    console.log(`storm: runtime-role connections idle in transaction afterwards: ${stuck}`);
    expect(stuck).toBe(0);
    for (let i = 0; i < 5; i += 1) expect((await read()).status).toBe(200);
  });
});
