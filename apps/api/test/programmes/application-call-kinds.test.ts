import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedCall } from '../pilots/pilot-client';
import { asAdmin, startTestApi, type TestApi } from '../support/harness';
import { TestClock } from '../support/test-clock';
import { draftApplication, provincialPilot, world, type World } from './programme-application-client';

// Each kind of application answers a call of its own kind, whatever writes the row: the API checks
// it with a clear error, and the database refuses the rest (here the owner itself, past every
// policy and trigger that would stop the runtime role first).

async function refusal(sql: string, parameters: unknown[]): Promise<{ code?: string; constraint?: string }> {
  return asAdmin(async (c) => {
    try {
      await c.query('BEGIN');
      await c.query(sql, parameters);
      return {};
    } catch (error) {
      const { code, constraint } = error as { code?: string; constraint?: string };
      return { code, constraint };
    } finally {
      await c.query('ROLLBACK');
    }
  });
}

describe('an application answers a call of its own kind', () => {
  const clock = new TestClock(new Date('2027-06-01T10:00:00+08:00'));
  let api: TestApi;
  let w: World;
  let programmeApplicationId: string;
  let pilotCallId: string;

  beforeAll(async () => {
    api = await startTestApi({ clock });
    w = await world(api, clock.now());
    const pilot = await provincialPilot(w, 'SE0201');
    programmeApplicationId = (await draftApplication(w, pilot)).id;
    pilotCallId = (await publishedCall(w.provOfficer, w.provAdmin, clock.now())).id;
  });
  afterAll(async () => {
    await api?.close();
  });

  it('refuses a pilot application under a programme call', async () => {
    const seen = await refusal(
      `INSERT INTO pilot_application (tenant_id, alliance_id, call_id, authority_tenant_id, recommending_tenant_id, level)
       SELECT tenant_id, alliance_id, call_id, authority_tenant_id, recommending_tenant_id, 'PROVINCIAL'
       FROM programme_application WHERE id = $1`,
      [programmeApplicationId],
    );
    expect(seen).toEqual({ code: '23503', constraint: 'pilot_application_call_of_kind' });
  });

  it('refuses a programme application under a pilot call, or under another programme', async () => {
    const move = `UPDATE programme_application SET call_id = $2 WHERE id = $1`;
    expect(await refusal(move, [programmeApplicationId, pilotCallId])).toEqual({
      code: '23503',
      constraint: 'programme_application_call_of_programme',
    });
    const otherProgramme = `UPDATE programme_application SET programme_id = gen_random_uuid() WHERE id = $1`;
    expect((await refusal(otherProgramme, [programmeApplicationId])).code).toBe('23503');
  });

  it('keeps the application that answers its own call', async () => {
    const same = `UPDATE programme_application SET call_id = call_id WHERE id = $1`;
    expect(await refusal(same, [programmeApplicationId])).toEqual({});
  });
});
