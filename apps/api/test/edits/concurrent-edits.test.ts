import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  type GraphQLField,
  GraphQLInputObjectType,
  isNonNullType,
  type GraphQLInputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminDb } from '../support/admin-db';
import {
  createUser,
  type GraphqlAgent,
  type GraphqlResponse,
  signedInAgent,
  startTestApi,
  type TestApi,
} from '../support/harness';
import { COMPLETE_CLAUSES, dataOf, M, RegisterClient, today, uniqueName } from '../support/register-client';
import {
  type ApplicationView,
  type CallView,
  callInput,
  establishedAlliance,
  P,
  PROVINCE,
  publishedCall,
  ZHUZHOU,
} from '../pilots/pilot-client';
import {
  acceptedApplication,
  createExpert,
  declareSeat,
  expertAccount,
  expertName,
  OPS,
  organization,
  provinceCall,
  setState,
} from '../reviews/review-fixtures';
import { EXPERT_DECLARATION, PLATFORM_KINDS, REVIEW_CRITERIA } from '@xiangmeng/domain';
import { F, type FilingView, publishedRound, roundInput } from '../filings/filing-client';
import { F as FINANCE, financeParties, needInput, postNeed } from '../finance/finance-client';
import { PA, programmeCallInput } from '../programmes/programme-application-client';
import { G, programmeInput, type ProgrammeView, publishedProgramme } from '../programmes/programme-client';

// Issue 14: no edit silently overwrites another. The walk reads the committed schema: every
// mutation named like an edit takes the version it was based on (an Int! `version` argument or
// input field; `revision` for an agreement draft, whose `version` numbers the agreement itself),
// or is listed below with the reason it cannot lose an edit. Every versioned edit must have a
// case below — a new one fails the walk until it has — and each case sends two edits from the
// same base at once: one succeeds, the other gets CONFLICT, and the stored record is the winner's.

const EDIT_NAME = /^(update|set|correct|edit|save|change)[A-Z]/;
const VERSION_FIELDS = new Set(['version', 'revision']);

const CANNOT_LOSE_AN_EDIT: Record<string, string> = {
  setUserDisabled:
    'sets one flag to the value the administrator chose; there is no content to merge, and the audit trail records each change',
  setUserRoles:
    'sets the whole role set the administrator chose, never a part merged with another edit; the audit trail records each change (an account row has no version yet)',
  saveNotice:
    'creates a draft when no id is given; an edit of a draft must give the version it read (refused with version REQUIRED otherwise) and a stale one is refused with NOTICE_CHANGED (test/notices)',
  changeOwnPassword:
    'the current password is its version: once one change succeeds, a second one based on the old password is refused (WRONG_PASSWORD)',
};

const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema.graphql'), 'utf8'));
const mutations = Object.values(schema.getMutationType()!.getFields());
const edits = mutations.filter((m) => EDIT_NAME.test(m.name));

function takesVersion(field: GraphQLField<unknown, unknown>): boolean {
  const isVersion = (name: string, type: GraphQLInputType) =>
    VERSION_FIELDS.has(name) && isNonNullType(type) && getNamedType(type).name === 'Int';
  return field.args.some((arg) => {
    if (isVersion(arg.name, arg.type)) return true;
    const named = getNamedType(arg.type);
    return (
      named instanceof GraphQLInputObjectType &&
      Object.values(named.getFields()).some((f) => isVersion(f.name, f.type))
    );
  });
}

type Response = GraphqlResponse<Record<string, unknown>>;
/** Two concurrent edits of one record from the same base: `send(i)` sends edit i (0 or 1). */
type Race = {
  send: (i: 0 | 1) => Promise<Response>;
  /** The stored value of the field the two edits set differently. */
  stored: () => Promise<unknown>;
  /** The value edit i sets. */
  value: (i: 0 | 1) => unknown;
};

let api: TestApi;
let db: AdminDb;
const agents: Record<string, GraphqlAgent> = {};
const INDUSTRY = 'SE0701';

/** The two edits' values, made once (they may hold a random tag). */
function fixed(make: (i: 0 | 1) => string): (i: 0 | 1) => string {
  const values = [make(0), make(1)] as const;
  return (i) => values[i];
}

async function one<T>(sql: string, params: unknown[]): Promise<T> {
  const rows = await db.rows<{ v: T }>(sql, params);
  return rows[0]!.v;
}

const RACES: Record<string, () => Promise<Race>> = {
  async changeFinancingNeed() {
    const parties = await financeParties(ZHUZHOU);
    const need = await postNeed(agents.zz1!, needInput(parties));
    // One officer shares the need with the linkage programme, the other closes it.
    const value = (i: 0 | 1) => (i === 0 ? 'OPEN:true' : 'CLOSED:false');
    return {
      value,
      send: (i) =>
        agents[`zz${i + 1}`]!.send(FINANCE.changeNeed, {
          input: {
            id: need.id,
            version: need.version,
            ...(i === 0 ? { inLinkageProgramme: true } : { close: true }),
          },
        }),
      stored: () =>
        one(`SELECT status || ':' || in_linkage_programme AS v FROM financing_need WHERE id = $1`, [need.id]),
    };
  },
  async updateAlliance() {
    const register = new RegisterClient(agents.zz1!);
    const alliance = await register.registerAlliance({ industryCode: 'SE0101' });
    const value = fixed((i) => `目标${i}：${uniqueName('并发')}`);
    return {
      value,
      send: (i) =>
        agents[`zz${i + 1}`]!.send(M.updateAlliance, {
          input: {
            id: alliance.id,
            version: alliance.version,
            name: alliance.name,
            industryCode: 'SE0101',
            foundedOn: alliance.foundedOn,
            objectives: value(i),
          },
        }),
      stored: () => one('SELECT objectives AS v FROM alliance WHERE id = $1', [alliance.id]),
    };
  },
  async setAllianceGovernance() {
    const register = new RegisterClient(agents.zz1!);
    const alliance = await register.registerAlliance({});
    const value = fixed((i) => `责任主体${i}${uniqueName('')}`.slice(0, 40));
    return {
      value,
      send: (i) =>
        agents[`zz${i + 1}`]!.send(M.setAllianceGovernance, {
          input: {
            allianceId: alliance.id,
            version: alliance.version,
            bodies: [{ kind: 'DECISION', name: `理事会${i}` }],
            liableEntity: value(i),
            executiveFullTimeStaff: i + 1,
          },
        }),
      stored: () => one('SELECT liable_entity AS v FROM alliance WHERE id = $1', [alliance.id]),
    };
  },
  async updateAgreementDraft() {
    const register = new RegisterClient(agents.zz1!);
    const alliance = await register.registerAlliance({});
    const org = await register.addOrganization({ type: 'ENTERPRISE' });
    await register.addMember(alliance.id, org.id, 'CHAIR', alliance.foundedOn);
    const draft = await register.createAgreement(alliance.id, [org.id]);
    const value = fixed((i) => `创新目标${i}：${uniqueName('并发')}`);
    return {
      value,
      send: (i) =>
        agents[`zz${i + 1}`]!.send(M.updateAgreementDraft, {
          input: {
            agreementId: draft.id,
            revision: draft.revision,
            ...COMPLETE_CLAUSES,
            innovationGoals: value(i),
            tasks: [{ organizationId: org.id, task: `分工${i}` }],
          },
        }),
      stored: () => one('SELECT innovation_goals AS v FROM alliance_agreement WHERE id = $1', [draft.id]),
    };
  },
  async updateMeasuresDraft() {
    const created = dataOf(
      await agents.zz1!.send<{ createMeasuresDraft: { id: string; version: number } }>(
        `mutation ($input: MeasuresDraftInput!) { createMeasuresDraft(input: $input) { id version } }`,
        {
          input: {
            title: '株洲市实施细则（并发测试）',
            documentNumber: '株科〔2099〕1号',
            effectiveOn: today(),
            parameters: {},
          },
        },
      ),
    ).createMeasuresDraft;
    const value = fixed((i) => `株洲市实施细则（第${i}位科员修改）`);
    return {
      value,
      send: (i) =>
        agents[`zz${i + 1}`]!.send(M.updateMeasuresDraft, {
          input: {
            id: created.id,
            version: created.version,
            title: value(i),
            documentNumber: '株科〔2099〕1号',
            effectiveOn: today(),
            parameters: {},
          },
        }),
      stored: () => one('SELECT title AS v FROM measures WHERE id = $1', [created.id]),
    };
  },
  async correctOrganization() {
    const org = await new RegisterClient(agents.zz1!).addOrganization({ type: 'ENTERPRISE' });
    const value = fixed((i) => uniqueName(`更正${i}单位`));
    return {
      value,
      send: (i) =>
        agents[`zz${i + 1}`]!.send(M.correctOrganization, {
          input: {
            id: org.id,
            version: org.version,
            name: value(i),
            type: org.type,
            legalRepresentative: org.legalRepresentative,
            industryBackbone: false,
            backboneBasis: '',
          },
        }),
      stored: () => one('SELECT name AS v FROM organization WHERE id = $1', [org.id]),
    };
  },
  async updateExpert() {
    const affiliation = await organization('并发专家单位', PROVINCE);
    const input = (name: string) => ({
      name,
      title: '教授',
      domainCodes: [INDUSTRY],
      affiliations: [{ organizationId: affiliation.id }],
    });
    const expert = await createExpert(agents.p1!, input(expertName('并发专家')));
    const value = fixed((i) => expertName(`专家${i}`));
    return {
      value,
      send: (i) =>
        agents[`p${i + 1}`]!.send(OPS.updateExpert, {
          input: { id: expert.id, version: expert.version, expert: input(value(i)) },
        }),
      stored: () => one('SELECT name AS v FROM expert WHERE id = $1', [expert.id]),
    };
  },
  async updateFilingRound() {
    const draft = dataOf(
      await agents.p1!.send<{ createFilingRound: { id: string; version: number } }>(F.createRound, {
        input: roundInput(new Date()),
      }),
    ).createFilingRound;
    const value = fixed((i) => `湘科函〔2026〕${i}${uniqueName('')}号`);
    return {
      value,
      send: (i) =>
        agents[`p${i + 1}`]!.send(F.updateRound, {
          id: draft.id,
          version: draft.version,
          input: roundInput(new Date(), { documentNumber: value(i) }),
        }),
      stored: () => one('SELECT document_number AS v FROM filing_round WHERE id = $1', [draft.id]),
    };
  },
  async updateFiling() {
    const round = await publishedRound(agents.p1!, agents.pAdmin!, new Date());
    const alliance = await new RegisterClient(agents.zz1!).registerAlliance({ industryCode: 'SE0101' });
    const filing = dataOf(
      await agents.zz1!.send<{ createFiling: FilingView }>(F.create, {
        roundId: round.id,
        allianceId: alliance.id,
      }),
    ).createFiling;
    const value = fixed((i) => `第${i}位科员写的重大影响说明：联盟对全省产业集群发展具有重大影响。`);
    return {
      value,
      send: (i) =>
        agents[`zz${i + 1}`]!.send(F.update, {
          input: {
            id: filing.id,
            version: filing.version,
            significance: value(i),
            level: null,
            documents: [],
          },
        }),
      stored: () => one('SELECT significance AS v FROM filing WHERE id = $1', [filing.id]),
    };
  },
  async updateProgramme() {
    const draft = dataOf(
      await agents.p1!.send<{ createProgramme: ProgrammeView }>(G.create, { input: programmeInput() }),
    ).createProgramme;
    const value = fixed((i) => `并发修改的支持计划${i}${uniqueName('')}`);
    return {
      value,
      send: (i) =>
        agents[`p${i + 1}`]!.send(G.update, {
          id: draft.id,
          version: draft.version,
          input: programmeInput({ name: value(i) }),
        }),
      stored: () => one('SELECT name AS v FROM programme WHERE id = $1', [draft.id]),
    };
  },
  async updatePilotCall() {
    const draft = dataOf(
      await agents.p1!.send<{ createPilotCall: CallView }>(P.createCall, { input: callInput(new Date()) }),
    ).createPilotCall;
    const value = fixed((i) => `并发修改的申报通知${i}${uniqueName('')}`);
    return {
      value,
      send: (i) =>
        agents[`p${i + 1}`]!.send(P.updateCall, {
          id: draft.id,
          version: draft.version,
          input: callInput(new Date(), { title: value(i) }),
        }),
      stored: () => one('SELECT title AS v FROM pilot_call WHERE id = $1', [draft.id]),
    };
  },
  async updatePilotApplication() {
    const call = await publishedCall(agents.p1!, agents.pAdmin!, new Date());
    const { alliance } = await establishedAlliance(agents.zz1!, INDUSTRY);
    const app = dataOf(
      await agents.zz1!.send<{ createPilotApplication: ApplicationView }>(P.create, {
        input: { allianceId: alliance.id, callId: call.id },
      }),
    ).createPilotApplication;
    const value = fixed((i) => `建设目标（第${i}位科员）`);
    return {
      value,
      send: (i) =>
        agents[`zz${i + 1}`]!.send(P.update, {
          input: {
            id: app.id,
            version: app.version,
            goals: value(i),
            workPlan: '三年',
            budgetFen: '100',
            ownInvestmentFen: '200',
            expectedResults: '专利',
            contactName: '王五',
            contactPhone: '0731-22222222',
            feasibilityDocumentId: null,
            attachmentIds: [],
          },
        }),
      stored: () => one('SELECT goals AS v FROM pilot_application WHERE id = $1', [app.id]),
    };
  },
  async saveReviewSheet() {
    const call = await provinceCall();
    const members = [await organization('并发评审成员', ZHUZHOU)];
    const application = await acceptedApplication(call, ZHUZHOU, INDUSTRY, members);
    const size = 5;
    const accounts = [];
    const expertIds: string[] = [];
    for (let i = 0; i < size; i++) {
      const account = await expertAccount(PROVINCE);
      const affiliation = await organization('并发评审专家单位', PROVINCE);
      const expert = await createExpert(agents.p1!, {
        name: expertName(`评审专家${i}`),
        title: '教授',
        domainCodes: [INDUSTRY],
        affiliations: [{ organizationId: affiliation.id }],
        accountUserId: account.id,
      });
      expertIds.push(expert.id);
      accounts.push(account);
    }
    dataOf(await agents.p1!.send(OPS.assign, { input: { applicationId: application.id, expertIds } }));
    await setState(application.id, 'IN_REVIEW');
    // One expert with the sheet open in two windows.
    const windows = [await signedInAgent(api, accounts[0]!), await signedInAgent(api, accounts[0]!)];
    type Seat = { id: string; application: { id: string }; sheet: { id: string; version: number } };
    const seat = dataOf(
      await windows[0]!.send<{ myReviewAssignments: Seat[] }>(OPS.mine),
    ).myReviewAssignments.find((s) => s.application.id === application.id)!;
    await declareSeat(windows[0]!, seat.id);
    const value = fixed((i) => `评审意见（窗口${i}）`);
    return {
      value,
      send: (i) =>
        windows[i]!.send(OPS.save, {
          input: {
            assignmentId: seat.id,
            version: seat.sheet.version,
            scores: REVIEW_CRITERIA.map((key) => ({ key, score: 80 + i, comment: '' })),
            overallOpinion: value(i),
            recommendation: 'SUPPORT',
            submit: false,
          },
        }),
      stored: () => one('SELECT overall_opinion AS v FROM review_sheet WHERE id = $1', [seat.sheet.id]),
    };
  },
  async savePlatformEvaluationSheet() {
    // A centre recognised in 2020 is due for this year's periodic evaluation: the province opens
    // the round of a field no round of the year holds yet, seats one expert, who declares.
    const year = Number(today().slice(0, 4));
    const provinceId = (
      await db.rows<{ id: string }>('SELECT id FROM tenant WHERE code = $1', [PROVINCE])
    )[0]!.id;
    const field = (
      await db.rows<{ code: string }>(
        `SELECT code FROM industry WHERE code LIKE 'SE%' AND parent_code IS NOT NULL AND code NOT IN (
         SELECT field FROM platform_evaluation_round WHERE tenant_id = $1 AND year = $2) ORDER BY code LIMIT 1`,
        [provinceId, year],
      )
    )[0]!.code;
    const host = await organization('并发评估依托单位', PROVINCE);
    const { alliance } = await establishedAlliance(agents.zz1!, field);
    const [platform] = await db.rows<{ id: string }>(
      `INSERT INTO platform (tenant_id, alliance_tenant_id, alliance_id, alliance_name, kind, level, name,
                             host_organization_id, field, recognition_document, recognised_on, director)
       SELECT $1, a.tenant_id, a.id, a.name, 'ENGINEERING_RESEARCH_CENTRE', 'PROVINCIAL', $2, $3, $4,
              '并发测试〔2020〕1号', '2020-05-01', '并发测试主任'
         FROM alliance a WHERE a.id = $5 RETURNING id`,
      [provinceId, uniqueName('并发评估中心'), host.id, field, alliance.id],
    );
    await db.rows(
      `INSERT INTO platform_member (tenant_id, platform_id, organization_id, role) VALUES ($1, $2, $3, 'HOST')`,
      [provinceId, platform!.id, host.id],
    );
    type Round = { id: string };
    const round = dataOf(
      await agents.p1!.send<{ openPlatformEvaluationRound: Round }>(
        'mutation ($input: OpenPlatformEvaluationRoundInput!) { openPlatformEvaluationRound(input: $input) { id } }',
        { input: { field, year } },
      ),
    ).openPlatformEvaluationRound;
    const account = await expertAccount(PROVINCE);
    const expert = await createExpert(agents.p1!, {
      name: expertName('并发评估专家'),
      title: '教授',
      domainCodes: [field],
      affiliations: [{ organizationId: (await organization('并发评估专家单位', PROVINCE)).id }],
      accountUserId: account.id,
    });
    dataOf(
      await agents.p1!.send(
        'mutation ($input: SeatPlatformEvaluatorsInput!) { seatPlatformEvaluators(input: $input) { id } }',
        { input: { roundId: round.id, expertIds: [expert.id] } },
      ),
    );
    // One expert with the sheet open in two windows.
    const windows = [await signedInAgent(api, account), await signedInAgent(api, account)];
    type Task = {
      id: string;
      round: { id: string };
      sheets: { id: string; version: number; platformId: string }[];
    };
    const taskId = dataOf(
      await windows[0]!.send<{ myPlatformEvaluationTasks: Task[] }>(
        '{ myPlatformEvaluationTasks { id round { id } } }',
      ),
    ).myPlatformEvaluationTasks.find((t) => t.round.id === round.id)!.id;
    const task = dataOf(
      await windows[0]!.send<{ declareForPlatformEvaluation: Task }>(
        'mutation ($id: ID!, $v: String!) { declareForPlatformEvaluation(taskId: $id, declarationVersion: $v) { id round { id } sheets { id version platformId } } }',
        { id: taskId, v: EXPERT_DECLARATION.version },
      ),
    ).declareForPlatformEvaluation;
    const sheet = task.sheets.find((x) => x.platformId === platform!.id)!;
    const criteria = PLATFORM_KINDS.ENGINEERING_RESEARCH_CENTRE.evaluation.criteria;
    const value = fixed((i) => String(70 + i));
    return {
      value,
      send: (i) =>
        windows[i]!.send(
          'mutation ($input: SavePlatformEvaluationSheetInput!) { savePlatformEvaluationSheet(input: $input) { id } }',
          {
            input: {
              sheetId: sheet.id,
              version: sheet.version,
              scores: criteria.map((c) => ({ key: c.key, score: Number(value(i)) })),
              submit: false,
            },
          },
        ),
      stored: () =>
        one(`SELECT scores ->> '${criteria[0]!.key}' AS v FROM platform_evaluation_sheet WHERE id = $1`, [
          sheet.id,
        ]),
    };
  },
  async saveProgrammeApplicationForm() {
    const programme = await publishedProgramme(agents.p1!, agents.pAdmin!, { awardNoticeDays: 0 });
    const draftCall = dataOf(
      await agents.p1!.send<{ createProgrammeCall: { id: string; version: number } }>(PA.createCall, {
        programmeId: programme.id,
        input: programmeCallInput(new Date()),
      }),
    ).createProgrammeCall;
    dataOf(await agents.pAdmin!.send(PA.publishCall, draftCall));
    const { alliance } = await establishedAlliance(agents.zz1!, INDUSTRY);
    const app = dataOf(
      await agents.zz1!.send<{ createProgrammeApplication: { id: string; version: number } }>(PA.create, {
        input: { allianceId: alliance.id, callId: draftCall.id },
      }),
    ).createProgrammeApplication;
    const value = fixed((i) => `并发填写的项目名称${i}`);
    return {
      value,
      send: (i) =>
        agents[`zz${i + 1}`]!.send(PA.save, { input: { id: app.id, version: app.version, title: value(i) } }),
      stored: () => one("SELECT form ->> 'title' AS v FROM programme_application WHERE id = $1", [app.id]),
    };
  },
};

beforeAll(async () => {
  api = await startTestApi();
  db = await AdminDb.open();
  for (const [key, code, roles] of [
    ['zz1', ZHUZHOU, ['CITY_OFFICER']],
    ['zz2', ZHUZHOU, ['CITY_OFFICER']],
    ['p1', PROVINCE, ['PROVINCE_OFFICER']],
    ['p2', PROVINCE, ['PROVINCE_OFFICER']],
    ['pAdmin', PROVINCE, ['PROVINCE_ADMIN']],
  ] as const) {
    agents[key] = await signedInAgent(api, await createUser(code, [...roles], 'ce'));
  }
});

afterAll(async () => {
  await db?.close();
  await api?.close();
});

describe('the schema walk: every edit carries the version it was based on', () => {
  it('finds the edits by name (a sanity check of the walk itself)', () => {
    expect(edits.map((m) => m.name)).toEqual(
      expect.arrayContaining(['updateAlliance', 'setAllianceGovernance']),
    );
  });

  it.each(edits.map((m) => [m.name, m] as const))(
    '%s takes a version or says why it cannot lose an edit',
    (name, m) => {
      expect(takesVersion(m) || name in CANNOT_LOSE_AN_EDIT, `${name} takes no version`).toBe(true);
    },
  );

  it('every versioned edit has a concurrent-edit case below, and every case is a versioned edit', () => {
    const versioned = edits
      .filter(takesVersion)
      .map((m) => m.name)
      .sort();
    expect(Object.keys(RACES).sort()).toEqual(versioned);
  });

  it('lists no exemption that is not an edit of the schema, or that takes a version after all', () => {
    for (const name of Object.keys(CANNOT_LOSE_AN_EDIT)) {
      const found = edits.find((m) => m.name === name);
      expect(found, name).toBeDefined();
      expect(takesVersion(found!), name).toBe(false);
    }
  });
});

describe('two concurrent edits from the same base: one wins, the other gets CONFLICT and the winner stays', () => {
  it.each(Object.keys(RACES))('%s', async (name) => {
    const race = await RACES[name]!();
    const results = await Promise.all([race.send(0), race.send(1)]);
    const codes = results.map((r) => (r.errors ? String(r.errors[0]?.extensions?.code) : 'OK'));
    expect([...codes].sort(), JSON.stringify(results.map((r) => r.errors))).toEqual(['CONFLICT', 'OK']);
    const winner = codes[0] === 'OK' ? 0 : 1;
    const loser = results[1 - winner]!;
    // The refusal names the record, who changed it and when.
    expect(loser.errors![0]!.message).toMatch(/已被.+修改/);
    expect(loser.errors![0]!.extensions).toMatchObject({
      staleEdit: { record: expect.any(String) as unknown, changedAt: expect.any(String) as unknown },
    });
    expect(await race.stored()).toBe(race.value(winner));
  });
});
