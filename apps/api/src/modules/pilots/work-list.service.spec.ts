import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../common/clock';
import type { Viewer } from '../../common/request/request-context';
import type { CallMeasures, CallMeasuresService } from '../calls/call-measures.service';
import type { WorkListRepository, WorkRow } from './work-list.repository';
import { WorkListService } from './work-list.service';

// The work list's decisions with its rows stubbed: which step waits for whom (the transition
// table's forward step the viewer may take, with the facts of the case), due dates and overdue.

const now = new Date('2026-12-05T02:00:00Z');
const cityAdmin: Viewer = {
  userId: 'u-city',
  tenantId: 't-city',
  tenantLevel: 'CITY',
  roles: ['CITY_ADMIN'],
  sessionId: 's1',
};
const provinceAdmin: Viewer = {
  ...cityAdmin,
  userId: 'u-prov',
  tenantId: 't-province',
  tenantLevel: 'PROVINCE',
  roles: ['PROVINCE_ADMIN'],
};
const expert: Viewer = { ...provinceAdmin, userId: 'u-expert', roles: ['EXPERT'] };

function row(overrides: Partial<WorkRow>): WorkRow {
  return {
    id: 'p1',
    state: 'SUBMITTED',
    tenant_id: 't-city',
    recommending_tenant_id: 't-city',
    authority_tenant_id: 't-province',
    submitted_by: 'u-officer',
    alliance_name: '湘江智能制造联盟',
    call_id: 'c1',
    call_title: '2027 年度省级试点联盟申报',
    closes_at: new Date('2026-12-01T00:00:00Z'),
    recommend_by: new Date('2026-12-20T00:00:00Z'),
    decide_by: new Date('2027-01-31T00:00:00Z'),
    notice_ends_on: null,
    open_objections: 0,
    seated: 0,
    submitted: 0,
    assignment_id: null,
    ...overrides,
  };
}

function setup(
  open: WorkRow[],
  seats: WorkRow[] = [],
  review = { expertsPerApplication: 5, publicNoticeDays: 7 },
) {
  const measuresRead: string[] = [];
  const rows: Partial<WorkListRepository> = {
    openApplications: () => Promise.resolve(open),
    unscoredSeats: () => Promise.resolve(seats),
  };
  const callMeasures = {
    parametersOfCall: (_db: EntityManager, callId: string) => {
      measuresRead.push(callId);
      return Promise.resolve({ parameters: { review } } as unknown as CallMeasures);
    },
  };
  const clock: Clock = { now: () => now };
  const service = new WorkListService(
    rows as WorkListRepository,
    callMeasures as unknown as CallMeasuresService,
    clock,
  );
  return { list: (viewer: Viewer) => service.workList({} as EntityManager, viewer), measuresRead };
}

describe('the work list', () => {
  it('asks the recommending admin to recommend, due by the call’s recommendation date', async () => {
    const { list } = setup([row({})]);
    const work = await list(cityAdmin);
    expect(work.items).toMatchObject([
      { kind: 'RECOMMEND', applicationId: 'p1', dueAt: new Date('2026-12-20T00:00:00Z') },
    ]);
    expect(work.counts).toEqual([{ kind: 'RECOMMEND', count: 1, overdue: 0 }]);
  });

  it('does not ask the submitter to recommend their own submission', async () => {
    const { list } = setup([row({ submitted_by: 'u-city' })]);
    expect((await list(cityAdmin)).total).toBe(0);
  });

  it('asks the authority to close the review only when every sheet is in, reading each call’s measures once', async () => {
    const { list, measuresRead } = setup([
      row({ id: 'p1', state: 'IN_REVIEW', seated: 5, submitted: 5 }),
      row({ id: 'p2', state: 'IN_REVIEW', seated: 5, submitted: 4 }),
    ]);
    expect((await list(provinceAdmin)).items).toMatchObject([{ kind: 'CLOSE_REVIEW', applicationId: 'p1' }]);
    expect(measuresRead).toEqual(['c1']);
  });

  it('lists open objections beside the decision once the notice is over, due by its last day', async () => {
    const { list } = setup([row({ state: 'PUBLICISED', notice_ends_on: '2026-12-04', open_objections: 2 })]);
    const work = await list(provinceAdmin);
    expect(work.items.map((i) => i.kind)).toEqual(['ANSWER_OBJECTION']);
    expect(work.items[0]).toMatchObject({ dueAt: new Date('2026-12-04T15:59:59.999Z'), overdue: true });
    expect(work.overdue).toBe(1);
  });

  it('gives an expert their unscored seats and reads no applications as staff', async () => {
    const { list, measuresRead } = setup([row({})], [row({ state: 'IN_REVIEW', assignment_id: 'x1' })]);
    const work = await list(expert);
    expect(work.items).toMatchObject([{ kind: 'SCORE', assignmentId: 'x1' }]);
    expect(measuresRead).toEqual([]);
  });

  it('puts the earliest deadline first', async () => {
    const { list } = setup([
      row({ id: 'late', decide_by: new Date('2027-03-01T00:00:00Z'), state: 'RECOMMENDED' }),
      row({ id: 'soon', decide_by: new Date('2027-01-01T00:00:00Z'), state: 'RECOMMENDED' }),
    ]);
    expect((await list(provinceAdmin)).items.map((i) => i.applicationId)).toEqual(['soon', 'late']);
  });
});
