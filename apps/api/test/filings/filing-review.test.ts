import { randomUUID } from 'node:crypto';
import { REVIEW_CRITERIA } from '@xiangmeng/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asAdmin,
  asRuntimeRole,
  errorCode,
  type GraphqlAgent,
  startTestApi,
  type TestApi,
  type TestUser,
} from '../support/harness';
import { dataOf, violationsOf } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import { Fixtures } from '../pilots/db-fixtures';
import {
  CHANGSHA,
  establishedAlliance,
  P,
  PROVINCE,
  seatPanel,
  staff,
  ZHUZHOU,
} from '../pilots/pilot-client';
import { createExpert, declareSeat, expertAccount, expertName, OPS, PANEL } from '../reviews/review-fixtures';
import {
  act,
  cityPilot,
  completedDraft,
  F,
  type FilingView,
  publishedRound,
  transitionFiling,
} from './filing-client';

// Expert review of a filing, when the round asks for it: the province seats a panel from its pool
// on an accepted filing under the conflict rules of Art. 11 (an expert of a member organization or
// of the filing city never sits), the experts read the filing they are seated on and nothing else,
// score it on the sheets of the measures, and the province decides on the aggregate.

const INDUSTRY = 'SE0702';
const FILING_PANEL = `query ($id: ID!) { filing(id: $id) { id state panel { ${PANEL} } } }`;
const MY_SEATS = `{ myReviewAssignments { id subjectKind application { id } filing { id state allianceName snapshot
  documents { documentId kind } round { id reviewRequired } } sheet { version status } } }`;

type Seat = {
  id: string;
  subjectKind: string;
  application: { id: string } | null;
  filing: { id: string; state: string; allianceName: string; documents: unknown[] } | null;
  sheet: { version: number; status: string };
};
type Panel = {
  size: number;
  complete: boolean;
  sheetsSubmitted: number;
  seats: { assignmentId: string }[];
  aggregate: { total: number; passes: boolean; sheets: number } | null;
};

describe('expert review of a filing', () => {
  const clock = new TestClock(new Date('2027-04-12T10:00:00+08:00'));
  let api: TestApi;
  let fixtures: Fixtures;
  const agents: Record<string, GraphqlAgent> = {};
  const users: Record<string, TestUser> = {};
  let filing: FilingView;
  let other: FilingView;
  let memberOrganizationId: string;
  let experts: GraphqlAgent[] = [];
  let expertUsers: TestUser[] = [];
  const as = (key: string) => agents[key]!;

  beforeAll(async () => {
    api = await startTestApi({ clock });
    fixtures = await Fixtures.open();
    for (const [key, code, roles] of [
      ['provOfficer', PROVINCE, ['PROVINCE_OFFICER']],
      ['provAdmin', PROVINCE, ['PROVINCE_ADMIN']],
      ['zzOfficer', ZHUZHOU, ['CITY_OFFICER']],
      ['csOfficer', CHANGSHA, ['CITY_OFFICER']],
    ] as const) {
      const s = await staff(api, code, [...roles]);
      agents[key] = s.agent;
      users[key] = s.user;
    }
    const round = await publishedRound(as('provOfficer'), as('provAdmin'), clock.now(), {
      reviewRequired: true,
    });
    const filed = async (officer: string): Promise<FilingView> => {
      const alliance = (await establishedAlliance(as(officer), INDUSTRY)).alliance.id;
      const documents = await cityPilot(fixtures, users[officer]!.tenantId, alliance);
      const draft = await completedDraft(as(officer), round.id, alliance, documents);
      const submitted = await act(as(officer), draft, 'SUBMIT');
      return act(as('provOfficer'), submitted, 'ACCEPT');
    };
    filing = await filed('zzOfficer');
    other = await filed('csOfficer');
    memberOrganizationId = await asAdmin(async (c) => {
      const { rows } = await c.query<{ organization_id: string }>(
        'SELECT organization_id FROM alliance_member WHERE alliance_id = $1 LIMIT 1',
        [filing.allianceId],
      );
      return rows[0]!.organization_id;
    });
  });

  afterAll(async () => {
    await fixtures?.close();
    await api?.close();
  });

  it('takes the way through review only: no notice or filing before the panel has scored', async () => {
    // The round's route decides what is offered: no notice (PUBLICISE) or decision before review.
    expect(filing.availableActions).toEqual(['START_REVIEW']);
    const file = await transitionFiling(as('provAdmin'), filing, 'FILE');
    expect(errorCode(file)).toBe('FILING_TRANSITION_REFUSED');
    const early = await transitionFiling(as('provOfficer'), filing, 'START_REVIEW');
    expect(violationsOf(early).map((v) => [v.field, v.message])).toEqual([
      ['guard.PANEL_COMPLETE', '评审专家组尚未配齐（需 5 人，已选 0 人）'],
    ]);
  });

  it('never seats an expert of a member organization or of the filing city, whatever the caller', async () => {
    const tied = [
      { label: 'member', tie: { organizationId: memberOrganizationId } },
      { label: 'filing city', tie: { bureauTenantId: users.zzOfficer!.tenantId } },
    ];
    for (const { label, tie } of tied) {
      const account = await expertAccount(PROVINCE);
      const expert = await createExpert(as('provOfficer'), {
        name: expertName('关联专家'),
        title: '研究员',
        domainCodes: [INDUSTRY],
        affiliations: [tie],
        accountUserId: account.id,
      });
      const candidates = dataOf(
        await as('provOfficer').send<{
          panelCandidates: { expert: { id: string }; conflicts: { code: string }[] }[];
        }>(`query ($id: ID!) { panelCandidates(applicationId: $id) { expert { id } conflicts { code } } }`, {
          id: filing.id,
        }),
      ).panelCandidates;
      expect(candidates.find((c) => c.expert.id === expert.id)?.conflicts, label).not.toEqual([]);
      // Straight into the table as the province's runtime role: the trigger refuses it.
      const province = {
        tenantId: users.provOfficer!.tenantId,
        userId: users.provOfficer!.id,
        roles: ['PROVINCE_OFFICER'],
      };
      await expect(
        asRuntimeRole(province, (c) =>
          c.query(
            `INSERT INTO expert_assignment (tenant_id, subject_type, application_id, application_tenant_id, expert_id,
                                            expert_user_id, review_year)
             VALUES ($1, 'filing', $2, $3, $4, $5, 2027)`,
            [province.tenantId, filing.id, users.zzOfficer!.tenantId, expert.id, account.id],
          ),
        ),
        label,
      ).rejects.toThrow(/conflict of interest/);
    }
  });

  it('seats the panel; each expert reads the filing they review, and no other', async () => {
    experts = await seatPanel(api, as('provOfficer'), PROVINCE, filing, INDUSTRY, 5);
    const panel = dataOf(
      await as('provOfficer').send<{ filing: { panel: Panel } }>(FILING_PANEL, { id: filing.id }),
    ).filing.panel;
    expect(panel).toMatchObject({ size: 5, complete: true, sheetsSubmitted: 0, aggregate: null });
    expertUsers = await asAdmin(async (c) => {
      const { rows } = await c.query<{ expert_user_id: string; tenant_id: string }>(
        `SELECT expert_user_id, tenant_id FROM expert_assignment
          WHERE application_id = $1 AND withdrawn_at IS NULL ORDER BY assigned_at`,
        [filing.id],
      );
      return rows.map((r) => ({ id: r.expert_user_id, tenantId: r.tenant_id }) as TestUser);
    });
    const seats = dataOf(
      await experts[0]!.send<{ myReviewAssignments: Seat[] }>(MY_SEATS),
    ).myReviewAssignments;
    expect(seats).toHaveLength(1);
    expect(seats[0]).toMatchObject({
      subjectKind: 'FILING',
      application: null,
      filing: { id: filing.id, state: 'ACCEPTED', allianceName: filing.allianceName },
    });
    expect(seats[0]!.filing!.documents.length).toBeGreaterThan(0);
    const inbox = dataOf(
      await experts[0]!.send<{ myMessages: { kind: string; body: string }[] }>(
        '{ myMessages { kind body } }',
      ),
    ).myMessages;
    expect(inbox.find((m) => m.kind === 'EXPERT_SEATED')?.body).toContain('备案的专家评审组');
    // The database agrees: the expert's role reads this filing, its snapshots and documents only.
    const expert = { tenantId: expertUsers[0]!.tenantId, userId: expertUsers[0]!.id, roles: ['EXPERT'] };
    const seen = await asRuntimeRole(expert, async (c) => ({
      filings: (await c.query<{ id: string }>('SELECT id FROM filing')).rows.map((r) => r.id),
      snapshots: (await c.query<{ filing_id: string }>('SELECT filing_id FROM filing_snapshot')).rows,
      objections: (await c.query('SELECT 1 FROM filing_objection')).rowCount,
      alliances: (await c.query('SELECT 1 FROM alliance WHERE id = $1', [filing.allianceId])).rowCount,
    }));
    expect(seen.filings).toEqual([filing.id]);
    expect(seen.snapshots.every((s) => s.filing_id === filing.id)).toBe(true);
    expect(seen.objections).toBe(0);
    expect(seen.alliances).toBe(0);
    expect(errorCode(await experts[0]!.send(F.filing, { id: other.id }))).toBe('FORBIDDEN');
    // The filing city never sees who reviews it.
    const cityView = dataOf(
      await as('zzOfficer').send<{ filing: { panel: Panel | null } }>(FILING_PANEL, { id: filing.id }),
    );
    expect(cityView.filing.panel).toBeNull();
  });

  it('finishes the review once every sheet is in, and files on the aggregate', async () => {
    filing = await act(as('provOfficer'), filing, 'START_REVIEW');
    expect(filing.state).toBe('IN_REVIEW');
    const work = dataOf(
      await experts[0]!.send<{
        workList: { items: { kind: string; applicationId: string; callTitle: string }[] };
      }>(P.workList),
    ).workList;
    const task = work.items.find((i) => i.kind === 'SCORE' && i.applicationId === filing.id);
    expect(task?.callTitle).toMatch(/^备案 /);
    const early = await transitionFiling(as('provOfficer'), filing, 'FINISH_REVIEW');
    expect(violationsOf(early).map((v) => [v.field, v.message])).toEqual([
      ['guard.ALL_SHEETS_SUBMITTED', '尚有专家未提交评分表（已提交 0/5）'],
    ]);
    for (const [i, expert] of experts.entries()) {
      const seat = dataOf(await expert.send<{ myReviewAssignments: Seat[] }>(MY_SEATS))
        .myReviewAssignments[0]!;
      await declareSeat(expert, seat.id);
      dataOf(
        await expert.send(OPS.save, {
          input: {
            assignmentId: seat.id,
            version: seat.sheet.version,
            scores: REVIEW_CRITERIA.map((key) => ({ key, score: 80 + i, comment: '' })),
            overallOpinion: '对全省产业发展影响重大，同意备案',
            recommendation: 'SUPPORT',
            submit: true,
          },
        }),
      );
    }
    filing = await act(as('provOfficer'), filing, 'FINISH_REVIEW');
    expect(filing.state).toBe('REVIEWED');
    const panel = dataOf(
      await as('provOfficer').send<{ filing: { panel: Panel } }>(FILING_PANEL, { id: filing.id }),
    ).filing.panel;
    expect(panel.sheetsSubmitted).toBe(5);
    // Trimmed mean of 80–84: the highest and lowest set aside.
    expect(panel.aggregate).toMatchObject({ sheets: 5, total: 82, passes: true });
    filing = await act(as('provAdmin'), filing, 'FILE');
    expect(filing.state).toBe('FILED');
    expect(filing.filingNumber).toMatch(/^湘盟备〔2027〕\d+号$/);
    const basis = await asAdmin(async (c) => {
      const { rows } = await c.query<{ decision_basis: Record<string, unknown> }>(
        'SELECT decision_basis FROM filing WHERE id = $1',
        [filing.id],
      );
      return rows[0]!.decision_basis;
    });
    expect(basis).toMatchObject({ reviewTotal: 82, passes: true, filingNumber: filing.filingNumber });
    expect(filing.timeline.map((t) => t.toState).filter(Boolean)).toEqual([
      'DRAFT',
      'SUBMITTED',
      'ACCEPTED',
      'IN_REVIEW',
      'REVIEWED',
      'FILED',
    ]);
  });

  it('takes the experts off the filing once their seats are withdrawn', async () => {
    await asAdmin((c) =>
      c.query(
        `UPDATE expert_assignment SET withdrawn_at = now(), withdrawal_reason = '测试撤换' WHERE application_id = $1`,
        [filing.id],
      ),
    );
    const expert = { tenantId: expertUsers[0]!.tenantId, userId: expertUsers[0]!.id, roles: ['EXPERT'] };
    const seen = await asRuntimeRole(expert, async (c) => (await c.query('SELECT id FROM filing')).rowCount);
    expect(seen).toBe(0);
    const seats = dataOf(
      await experts[0]!.send<{ myReviewAssignments: Seat[] }>(MY_SEATS),
    ).myReviewAssignments;
    expect(seats).toEqual([]);
    // The same answer as for an id that names nothing.
    const real = await experts[0]!.send(F.filing, { id: filing.id });
    const random = await experts[0]!.send(F.filing, { id: randomUUID() });
    expect(errorCode(real)).toBe(errorCode(random));
    expect(real.errors?.[0]?.message).toBe(random.errors?.[0]?.message);
  });
});
