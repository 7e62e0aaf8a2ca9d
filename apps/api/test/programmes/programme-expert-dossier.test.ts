import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVINCE } from '../pilots/pilot-client';
import { expertAccount } from '../reviews/review-fixtures';
import { type GraphqlAgent, signedInAgent, startTestApi, type TestApi } from '../support/harness';
import { dataOf } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import {
  act,
  draftApplication,
  provincialPilot,
  seatPanel,
  verifiedInvestment,
  world,
  type World,
} from './programme-application-client';

// A seated expert scores from the dossier as it was frozen at submission: the programme and call it
// came in on, the form with its written parts, and the documents, which download through the seat.

const INDUSTRY = 'SE0204';
const SEAT = `query {
  myReviewAssignments {
    id
    programmeApplication {
      id allianceName callTitle programmeName programmeKind frozenOn requestedSupportFen
      form { title responsibleUnit { name } sections { key text } participants { name task } }
      documents { documentId kindLabel fileName }
    }
  }
}`;
type Seat = {
  id: string;
  programmeApplication: {
    id: string;
    allianceName: string | null;
    callTitle: string | null;
    programmeName: string | null;
    programmeKind: string | null;
    frozenOn: string | null;
    requestedSupportFen: string;
    form: { title: string; responsibleUnit: { name: string } | null; sections: { key: string }[] };
    documents: { documentId: string; kindLabel: string; fileName: string }[];
  } | null;
};

describe('the seated expert’s dossier of a programme application', { timeout: 120_000 }, () => {
  const clock = new TestClock(new Date('2027-06-01T10:00:00+08:00'));
  let api: TestApi;
  let w: World;
  let expert: GraphqlAgent;
  let applicationId: string;

  beforeAll(async () => {
    api = await startTestApi({ clock });
    w = await world(api, clock.now());
    const pilot = await provincialPilot(w, INDUSTRY);
    await verifiedInvestment(w, pilot, 5_000_000, 5_000_000);
    let a = await act(w.zzOfficer, await draftApplication(w, pilot), 'SUBMIT');
    a = await act(w.zzAdmin, a, 'RECOMMEND', { opinion: '同意推荐' });
    a = await act(w.provOfficer, a, 'ACCEPT');
    [expert] = (await seatPanel(api, w, a.id, INDUSTRY)) as [GraphqlAgent];
    applicationId = a.id;
  });

  afterAll(async () => {
    await api?.close();
  });

  it('names the programme and call, shows the frozen form, and lets the seat download the documents', async () => {
    const seat = dataOf(await expert.send<{ myReviewAssignments: Seat[] }>(SEAT)).myReviewAssignments.find(
      (s) => s.programmeApplication?.id === applicationId,
    )!;
    const dossier = seat.programmeApplication!;
    expect(dossier).toMatchObject({
      programmeKind: 'PLAN_PROJECT',
      frozenOn: '2027-06-01',
    });
    expect(dossier.allianceName).toBeTruthy();
    expect(dossier.callTitle).toBeTruthy();
    expect(dossier.programmeName).toBeTruthy();
    expect(dossier.form.title).toBeTruthy();
    expect(dossier.form.responsibleUnit?.name).toBeTruthy();
    expect(dossier.form.sections.length).toBeGreaterThan(0);
    expect(dossier.documents.length).toBeGreaterThan(0);
    const download = await expert.raw().get(`/api/documents/${dossier.documents[0]!.documentId}`);
    expect(download.status).toBe(200);
    // An expert of the same department without a seat on it reads neither the dossier nor its files.
    const outsider = await signedInAgent(api, await expertAccount(PROVINCE));
    const theirs = dataOf(await outsider.send<{ myReviewAssignments: Seat[] }>(SEAT)).myReviewAssignments;
    expect(theirs).toEqual([]);
    const refused = await outsider.raw().get(`/api/documents/${dossier.documents[0]!.documentId}`);
    expect(refused.status).toBe(404);
  });
});
