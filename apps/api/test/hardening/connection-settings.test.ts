import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignInPool } from '../../src/modules/auth/sign-in-pool';
import { asRuntimeRole, startTestApi, type TestApi } from '../support/harness';

// Every connection the API opens turns JIT compilation off (src/database/connection-options.ts):
// under row-level security a millisecond statement's estimated cost passes `jit_above_cost`, and
// on a server with LLVM it spent hundreds of milliseconds compiling.

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(async () => {
  await api.close();
});

describe('the connections the API opens', () => {
  it('would compile just in time without the API’s settings', async () => {
    const rows = await asRuntimeRole(
      { tenantId: null },
      async (db) => (await db.query<{ jit: string }>('SHOW jit')).rows,
    );
    expect(rows).toEqual([{ jit: 'on' }]);
  });

  it('compile nothing just in time on the pool every request uses', async () => {
    const rows = await Promise.all(
      Array.from({ length: 3 }, () => api.app.get(DataSource).query<{ jit: string }[]>('SHOW jit')),
    );
    expect(rows).toEqual(Array.from({ length: 3 }, () => [{ jit: 'off' }]));
  });

  it('leave extensions to the migrations: the runtime role asks to create none at start', () => {
    expect(api.app.get(DataSource).options).toMatchObject({ installExtensions: false });
  });

  it('compile nothing just in time on the sign-in pool', async () => {
    const { rows } = await api.app.get(SignInPool).transaction((client) => client.query('SHOW jit'));
    expect(rows).toEqual([{ jit: 'off' }]);
  });
});
