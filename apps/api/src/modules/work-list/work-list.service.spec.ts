import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../common/clock';
import type { Viewer } from '../../common/request/request-context';
import type { CallMeasures, CallMeasuresService } from '../calls/call-measures.service';
import type { ProgrammeWorkRow, ProjectWorkRow, WorkListRepository, WorkRow } from './work-list.repository';
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

function programmeRow(overrides: Partial<ProgrammeWorkRow>): ProgrammeWorkRow {
  return {
    ...row({}),
    id: 'pa1',
    call_id: 'pc1',
    call_title: '2027 年度省科技计划项目申报',
    award_notice_days: 0,
    ...overrides,
  } as ProgrammeWorkRow;
}

function projectRow(overrides: Partial<ProjectWorkRow>): ProjectWorkRow {
  return {
    id: 'pj1',
    state: 'FROZEN',
    tenant_id: 't-province',
    alliance_tenant_id: 't-city',
    title: '轨道交通装备关键技术攻关',
    alliance_name: '株洲轨道交通装备联盟',
    change_requested_by: null,
    ...overrides,
  };
}

function setup(
  open: WorkRow[],
  seats: WorkRow[] = [],
  review = { expertsPerApplication: 5, publicNoticeDays: 7 },
  more: { programme?: ProgrammeWorkRow[]; projects?: ProjectWorkRow[] } = {},
) {
  const measuresRead: string[] = [];
  const rows: Partial<WorkListRepository> = {
    openApplications: () => Promise.resolve(open),
    openProgrammeApplications: () => Promise.resolve(more.programme ?? []),
    openProjects: () => Promise.resolve(more.projects ?? []),
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

  it('names the record each item is on and where it is dealt with', async () => {
    const { list } = setup([row({})]);
    expect((await list(cityAdmin)).items[0]).toMatchObject({
      subject: 'PILOT_APPLICATION',
      subjectId: 'p1',
      href: '/pilots/applications/p1',
    });
  });
});

describe('the work list beyond pilots', () => {
  const cityOfficer: Viewer = { ...cityAdmin, userId: 'u-officer', roles: ['CITY_OFFICER'] };
  const provinceOfficer: Viewer = { ...provinceAdmin, userId: 'u-prov-officer', roles: ['PROVINCE_OFFICER'] };

  it.each([
    ['the recommending admin', cityAdmin, 'SUBMITTED', 'RECOMMEND'],
    ['the applicant side, a draft', cityOfficer, 'DRAFT', 'REVISE'],
    ['the authority, a recommended one', provinceOfficer, 'RECOMMENDED', 'CHECK'],
    ['the authority, an accepted one', provinceOfficer, 'ACCEPTED', 'ASSIGN_PANEL'],
    ['the authority’s admin, a reviewed one without notice', provinceAdmin, 'REVIEWED', 'DECIDE'],
    ['the authority’s officer, a reviewed one without notice', provinceOfficer, 'REVIEWED', null],
  ] as const)('gives %s the programme application’s step', async (_who, viewer, state, kind) => {
    const { list } = setup([], [], undefined, { programme: [programmeRow({ state })] });
    const items = (await list(viewer)).items;
    expect(items.map((i) => i.kind)).toEqual(kind ? [kind] : []);
    if (kind)
      expect(items[0]).toMatchObject({
        subject: 'PROGRAMME_APPLICATION',
        href: '/programmes/applications/pa1',
        callTitle: '2027 年度省科技计划项目申报',
      });
  });

  it('asks for the notice, not the decision, when the programme sets one', async () => {
    const { list } = setup([], [], undefined, {
      programme: [programmeRow({ state: 'REVIEWED', award_notice_days: 5 })],
    });
    expect((await list(provinceAdmin)).items.map((i) => i.kind)).toEqual(['PUBLICISE']);
  });

  it('closes a programme review only with every sheet in, the panel sized by the call’s measures', async () => {
    const { list, measuresRead } = setup(
      [],
      [],
      { expertsPerApplication: 3, publicNoticeDays: 0 },
      {
        programme: [
          programmeRow({ id: 'in', state: 'IN_REVIEW', seated: 3, submitted: 3 }),
          programmeRow({ id: 'out', state: 'IN_REVIEW', seated: 3, submitted: 2 }),
        ],
      },
    );
    expect((await list(provinceOfficer)).items.map((i) => i.subjectId)).toEqual(['in']);
    expect(measuresRead).toEqual(['pc1']);
  });

  it('puts a frozen project before the authority’s admin, with no due date, pointing at the project', async () => {
    const { list } = setup([], [], undefined, { projects: [projectRow({})] });
    const work = await list(provinceAdmin);
    expect(work.items).toEqual([
      expect.objectContaining({
        kind: 'DISPOSE_FROZEN',
        subject: 'PROJECT',
        subjectId: 'pj1',
        callTitle: '轨道交通装备关键技术攻关',
        allianceName: '株洲轨道交通装备联盟',
        dueAt: null,
        overdue: false,
        href: '/projects/pj1',
      }),
    ]);
    expect(work.counts).toEqual([{ kind: 'DISPOSE_FROZEN', count: 1, overdue: 0 }]);
  });

  it.each([
    ['the authority’s admin', provinceAdmin, 'u-city', ['APPROVE_CHANGE']],
    ['the admin who asked for it', provinceAdmin, 'u-prov', []],
    ['an officer of the authority', provinceOfficer, 'u-city', []],
    ['the project side', cityAdmin, 'u-officer', []],
  ] as const)('gives a change request to %s as %j', async (_who, viewer, requester, kinds) => {
    const { list } = setup([], [], undefined, {
      projects: [projectRow({ state: 'CHANGE_REQUESTED', change_requested_by: requester })],
    });
    expect((await list(viewer)).items.map((i) => i.kind)).toEqual(kinds);
  });

  it('sends an expert to the score sheet of a programme application seat', async () => {
    const { list } = setup(
      [],
      [row({ id: 'pa9', state: 'IN_REVIEW', assignment_id: 'x9', subject: 'PROGRAMME_APPLICATION' })],
    );
    expect((await list(expert)).items).toMatchObject([
      { kind: 'SCORE', subject: 'PROGRAMME_APPLICATION', href: '/reviews/mine/x9' },
    ]);
  });
});
