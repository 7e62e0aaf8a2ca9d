import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recorded, withdraw } from '../national-pilots/national-pilot-client';
import { asAdmin, errorCode, startTestApi, type TestApi } from '../support/harness';
import { dataOf, violationsOf } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import {
  act,
  draftApplication,
  provincialPilot,
  transition,
  verifiedInvestment,
  type World,
  world,
} from './programme-application-client';

// Art. 14: the province's plan programme supports provincial or national pilots. A 株洲 alliance
// that is no provincial pilot is refused naming Art. 14 until the province records the Ministry's
// national designation of it; then it may submit, and the dossier freezes it as a national pilot.
// Once the designation is withdrawn the alliance is refused again.

const INDUSTRY = 'SE0703';

describe('programme eligibility reads the national pilot list (Art. 14)', () => {
  const clock = new TestClock(new Date('2027-06-01T10:00:00+08:00'));
  let api: TestApi;
  let w: World;

  beforeAll(async () => {
    api = await startTestApi({ clock });
    w = await world(api, clock.now());
  });

  afterAll(async () => {
    await api?.close();
  });

  it("a city alliance with a national designation is eligible for the province's plan programme, and refused after its withdrawal", async () => {
    const plain = await provincialPilot(w, INDUSTRY, false);
    await verifiedInvestment(w, plain, 5_000_000, 5_000_000);
    const draft = await draftApplication(w, plain);

    const refused = await transition(w.zzOfficer, draft, 'SUBMIT');
    expect(errorCode(refused)).toBe('PROGRAMME_NOT_ELIGIBLE');
    const before = violationsOf(refused).find((v) => v.rule === 'PILOT_LEVEL');
    expect(before?.field).toBe('allianceId');
    expect(before?.message).toContain('第十四条');
    expect(before?.message).toContain('非试点');

    const designation = await recorded(w.provAdmin, { allianceId: plain.allianceId, designatedOn: '2027-05-20' });
    const submitted = await act(w.zzOfficer, draft, 'SUBMIT');
    expect(submitted.state).toBe('SUBMITTED');
    const [frozen] = await asAdmin(async (c) =>
      (
        await c.query<{ pilot_status: string; national: boolean }>(
          `SELECT dossier->'alliance'->>'pilotStatus' AS pilot_status, (dossier->'alliance'->>'nationalPilot')::boolean AS national
             FROM programme_application WHERE id = $1`,
          [submitted.id],
        )
      ).rows,
    );
    expect(frozen).toEqual({ pilot_status: 'NONE', national: true });

    // Back to the applicant's side; the designation is withdrawn meanwhile: the next submission is refused.
    const returned = await act(w.zzAdmin, submitted, 'RETURN', { reason: '请补充国家级试点认定文件' });
    expect(returned.state).toBe('RETURNED');
    dataOf(await withdraw(w.provAdmin, designation.id, '科技部调整国家级试点联盟名单'));
    const again = await transition(w.zzOfficer, returned, 'SUBMIT');
    expect(errorCode(again)).toBe('PROGRAMME_NOT_ELIGIBLE');
    const after = violationsOf(again).find((v) => v.rule === 'PILOT_LEVEL');
    expect(after?.message).toContain('第十四条');
    expect(after?.message).toContain('省级或国家级试点');
  });
});
