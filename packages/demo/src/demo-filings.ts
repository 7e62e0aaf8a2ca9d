import {
  addCalendarDays,
  aggregateScores,
  type AllianceSnapshot,
  type AllianceStatus,
  agreementInEffect,
  canonicalJson,
  checkFoundingConditions,
  chinaDate,
  currentMembers,
  filingDossierGaps,
  filingEligibilityViolations,
  filingRoundDefaults,
  type FilingSnapshot,
  type FilingState,
  filingValidThrough,
  findDivision,
  findIndustry,
  formatFilingNumber,
  freezeFilingSnapshot,
  LAPSED_FILING_STATES,
  type MeasuresOverrides,
  type MeasuresParameters,
  type OrganizationType,
  type PilotDossier,
  pilotDecisionBasis,
  type PilotStatus,
  PROVINCE_CODE,
  publicNoticePeriod,
  resolveParameters,
  REVIEW_CRITERIA,
  type ReviewCriterionKey,
  type SignificanceLevel,
} from '@xiangmeng/domain';
import { createHash } from 'node:crypto';
import type { Client } from 'pg';
import { demoId, type PlannedAlliance, planDemoRegister, seededRandom, snapshotOf } from './demo-register.js';

// Filing with the province (备案, Art. 21) on a fresh start: last year's round, taken on paper
// before the platform, with four city pilots from four cities filed in it, and two rounds of this
// year open: the usual one with its public notice, and a supplementary one without. Each filed
// alliance rests on its own city's pilot decision (a closed 2024 city call and an approved
// application), and its dossier is what the API would have frozen on the day it was submitted:
// the domain's freezeFilingSnapshot over the demo register. 株洲's pilot is confirmed by its own
// 2024 call in the same way but left unfiled: a browser story files it, in the supplementary round
// (a notice runs for days, longer than a story).

export const DEMO_PAST_FILING_ROUND = {
  year: 2025,
  documentNumber: '湘科函〔2025〕12号',
  opensOn: '2025-03-01',
  lastDay: '2025-04-30',
} as const;

/** This year's round: the province's notice of the seed day's year. */
export const demoOpenFilingRoundNumber = (year: number) => `湘科函〔${year}〕8号`;

/** This year's supplementary round, without public notice, so a filing goes from acceptance to the decision. */
export const demoSupplementaryFilingRoundNumber = (year: number) => `湘科函〔${year}〕15号`;

/** The city whose pilot the browser story files: the demo files none of its alliances. */
const STORY_CITY = '430200';

/** 株洲's city pilot, confirmed by the city's own 2024 call and left for the browser story to file. */
export const DEMO_STORY_PILOT = {
  allianceName: '株洲轨道交通装备产业技术创新战略联盟',
  contact: { name: '谭卫国', phone: '0731-28391562' },
} as const;

export type DemoFiling = {
  allianceName: string;
  significance: { statement: string; level: SignificanceLevel };
  /** Whom the city's pilot application named to contact. */
  contact: { name: string; phone: string };
  /** The province's recommendation for the national programme, if it made one. */
  national: { on: string; opinion: string } | null;
};

/** Filed in this order, so they are numbered 湘盟备〔2025〕1号 to 4号. */
export const DEMO_FILINGS: readonly DemoFiling[] = [
  {
    allianceName: '长沙工程机械产业技术创新战略联盟',
    significance: {
      statement:
        '联盟汇聚工程机械整机、液压件和传动件骨干企业及高校院所，围绕智能化、电动化开展联合攻关，' +
        '支撑长沙国家级工程机械产业集群，成果已在全国同行业推广应用，对全省装备制造业发展具有重大影响。',
      level: 'NATIONAL',
    },
    contact: { name: '周海涛', phone: '0731-84561230' },
    national: {
      on: '2025-06-18',
      opinion:
        '联盟牵头单位为国家级企业技术中心，产学研协同机制健全，关键共性技术攻关成效明显，同意推荐参加国家层面产业技术创新战略联盟试点。',
    },
  },
  {
    allianceName: '岳阳石油化工产业技术创新战略联盟',
    significance: {
      statement:
        '联盟依托千万吨级炼化一体化企业和省内石化研究机构，推进高端催化剂和化工新材料技术攻关，' +
        '带动岳阳绿色化工产业园建设，对全省石化产业链延伸和转型升级具有重大影响。',
      level: 'PROVINCIAL',
    },
    contact: { name: '李晓东', phone: '0730-8826415' },
    national: null,
  },
  {
    allianceName: '郴州有色金属产业技术创新战略联盟',
    significance: {
      statement:
        '联盟围绕钨、铋、银等有色金属清洁冶炼和高纯材料制备开展联合攻关，成员覆盖冶炼骨干企业和省市两级研究院，' +
        '对全省有色金属新材料基地建设和资源综合利用具有重大影响。',
      level: 'PROVINCIAL',
    },
    contact: { name: '邓卫东', phone: '0735-2239087' },
    national: null,
  },
  {
    allianceName: '娄底精品钢材及薄板深加工产业技术创新战略联盟',
    significance: {
      statement:
        '联盟以冷轧薄板龙头企业为核心，联合高校和冶金研究所发展汽车板、电工钢和薄板深加工产品，' +
        '延伸钢铁产业链，对全省精品钢材产业和下游装备制造配套具有重大影响。',
      level: 'PROVINCIAL',
    },
    contact: { name: '曾丽华', phone: '0738-8312256' },
    national: null,
  },
];

/** The cities' own 2024 pilot calls, all on one calendar (China dates). */
const CITY_CALL = {
  year: 2024,
  opensOn: '2024-03-01',
  lastDay: '2024-04-30',
  recommendBy: '2024-05-15',
  decideBy: '2024-06-30',
} as const;

/** A moment on a China calendar date ('HH:MM'), as a timestamptz literal. */
const at = (date: string, time: string) => `${date}T${time}:00+08:00`;
/** The start of a China calendar date. */
const midnight = (date: string) => at(date, '00:00');
/** The end of a China calendar date: the next one's midnight. */
const endOf = (date: string) => midnight(addCalendarDays(date, 1));

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Each step's date, staggered by the alliance's place in the list. */
function scheduleOf(index: number) {
  const day = (date: string, per: number) => addCalendarDays(date, index * per);
  return {
    application: {
      created: at(day('2024-03-11', 1), '10:00'),
      submittedOn: day('2024-04-08', 1),
      recommended: at(day('2024-04-15', 1), '10:30'),
      accepted: at(day('2024-05-06', 1), '09:30'),
      reviewStarted: at(day('2024-05-13', 1), '09:00'),
      reviewedOn: day('2024-05-24', 1),
    },
    filing: {
      created: at(day('2025-03-03', 2), '10:00'),
      submittedOn: day('2025-03-10', 3),
      accepted: at(day('2025-03-17', 3), '10:00'),
      filedOn: day('2025-04-07', 2),
    },
  };
}

type MeasuresRow = {
  id: string;
  tenant_id: string;
  version_no: number;
  document_number: string;
  parameters: MeasuresParameters | MeasuresOverrides;
};

/** The measures in force on a date: a city's own version over the province's, as the API reads them. */
type MeasuresInForce = { province: MeasuresRow; local: MeasuresRow | null; parameters: MeasuresParameters };

type DirectoryOrganization = {
  id: string;
  credit_code: string;
  name: string;
  type: OrganizationType;
  industry_backbone: boolean;
};

type AllianceRow = {
  id: string;
  tenant_id: string;
  name: string;
  industry_code: string;
  status: AllianceStatus;
  pilot_status: PilotStatus;
  founded_on: string;
  established_on: string | null;
  dissolved_on: string | null;
  objectives: string;
  liable_entity: string;
  executive_full_time_staff: number;
};

type PilotDecisionRow = FilingSnapshot['pilotDecision'];

/**
 * The plan's register with its organizations as the directory holds them: a credit code entered
 * before the demo keeps its own row, and the register points at that row.
 */
function inDirectory(
  snapshot: AllianceSnapshot,
  directoryOf: (plannedId: string) => DirectoryOrganization,
): AllianceSnapshot {
  const id = (plannedId: string) => directoryOf(plannedId).id;
  return {
    members: snapshot.members.map((m) => {
      const o = directoryOf(m.organizationId);
      return {
        ...m,
        organizationId: o.id,
        name: o.name,
        type: o.type,
        industryBackbone: o.industry_backbone,
      };
    }),
    agreements: snapshot.agreements.map((a) => ({
      ...a,
      tasks: a.tasks.map((t) => ({ ...t, organizationId: id(t.organizationId) })),
      signatures: a.signatures.map((s) => ({ ...s, organizationId: id(s.organizationId) })),
    })),
    governance: snapshot.governance,
  };
}

/** The city panel's sheets, seeded by the alliance's name: every score well above the pass mark. */
function panelSheets(allianceName: string, applicationId: string, experts: number) {
  const random = seededRandom(`pilot-review:${allianceName}`);
  return Array.from({ length: experts }, (_, k) => ({
    applicationId,
    expertId: `panel-${k + 1}`,
    scores: Object.fromEntries(REVIEW_CRITERIA.map((key) => [key, 76 + Math.floor(random() * 20)])) as Record<
      ReviewCriterionKey,
      number
    >,
  }));
}

/** What the steps share: the connection, the tenants and the reads every step makes. */
type Seeding = {
  client: Client;
  provinceId: string;
  tenantIdOf(code: string): string;
  /** Sets the tier's identity; the user id stamps who changed a row last, as in a request. */
  setIdentity(code: string, userId?: string | null): Promise<unknown>;
  staffOf(code: string): Promise<{ admin: string | null; officer: string | null }>;
  /** Read with the tier's identity set: a city reads its own versions and the province's published ones. */
  measuresInForce(cityCode: string | null, asOf: string): Promise<MeasuresInForce>;
  directory: readonly DirectoryOrganization[];
};

function seeding(client: Client, tenants: { id: string; code: string }[]): Omit<Seeding, 'directory'> {
  const tenantIdOf = (code: string) => {
    const id = tenants.find((t) => t.code === code)?.id;
    if (!id) throw new Error(`unknown tenant ${code}`);
    return id;
  };
  const provinceId = tenantIdOf(PROVINCE_CODE);
  const setIdentity = (code: string, userId: string | null = null) =>
    client.query(
      `SELECT set_config('app.tenant_id', $1, true), set_config('app.roles', $2, true), set_config('app.user_id', $3, true)`,
      [tenantIdOf(code), code === PROVINCE_CODE ? 'PROVINCE_ADMIN' : 'CITY_ADMIN', userId ?? ''],
    );
  return {
    client,
    provinceId,
    tenantIdOf,
    setIdentity,
    async staffOf(code) {
      await setIdentity(code);
      const { rows } = await client.query<{ username: string; id: string }>(
        `SELECT username, id FROM app_user WHERE tenant_id = $1 AND username IN ('admin', 'officer')`,
        [tenantIdOf(code)],
      );
      const idOf = (username: string) => rows.find((r) => r.username === username)?.id ?? null;
      return { admin: idOf('admin'), officer: idOf('officer') };
    },
    async measuresInForce(cityCode, asOf) {
      const latest = async (tenantId: string) =>
        (
          await client.query<MeasuresRow>(
            `SELECT id, tenant_id, version_no, document_number, parameters FROM measures
              WHERE tenant_id = $1 AND status = 'PUBLISHED' AND effective_on <= $2
              ORDER BY effective_on DESC, version_no DESC LIMIT 1`,
            [tenantId, asOf],
          )
        ).rows[0] ?? null;
      const province = await latest(provinceId);
      if (!province) throw new Error(`no provincial measures in force on ${asOf}`);
      const local = cityCode ? await latest(tenantIdOf(cityCode)) : null;
      // The province's versions hold every parameter; a city's only what it overrides.
      const parameters = resolveParameters(
        province.parameters as MeasuresParameters,
        local?.parameters ?? {},
      );
      return { province, local, parameters };
    },
  };
}

/**
 * Writes the filing demo inside the caller's transaction, as the owner with each tenant's
 * identity set (row-level security checks every row): the province's rounds and number counter as
 * the province, each city's call, application, filing and snapshot as that city. A round, call,
 * application or filing already present is left alone, so a second run writes nothing.
 */
export async function seedDemoFilings(client: Client): Promise<{ rounds: number; filings: number }> {
  const plan = planDemoRegister();
  const { rows: tenants } = await client.query<{ id: string; code: string }>('SELECT id, code FROM tenant');
  const filed = DEMO_FILINGS.map((filing) => {
    const planned = plan.alliances.find((a) => a.spec.name === filing.allianceName);
    if (!planned || planned.spec.pilotStatus !== 'CITY_PILOT' || planned.spec.tenantCode === STORY_CITY)
      throw new Error(`demo filing: ${filing.allianceName} is not a city pilot the demo may file`);
    return { filing, planned };
  });
  if (new Set(filed.map((f) => f.planned.spec.tenantCode)).size !== filed.length)
    throw new Error('demo filings: one alliance per city');
  const storyPilot = plan.alliances.find((a) => a.spec.name === DEMO_STORY_PILOT.allianceName);
  if (
    !storyPilot ||
    storyPilot.spec.pilotStatus !== 'CITY_PILOT' ||
    storyPilot.spec.tenantCode !== STORY_CITY
  )
    throw new Error(`demo filing: ${DEMO_STORY_PILOT.allianceName} is not a city pilot of 株洲`);

  // Members point at the directory's rows, found by credit code (as the register seeding does).
  const { rows: directory } = await client.query<DirectoryOrganization>(
    'SELECT id, credit_code, name, type, industry_backbone FROM organization WHERE credit_code = ANY($1)',
    [plan.organizations.map((o) => o.creditCode)],
  );
  const s: Seeding = { ...seeding(client, tenants), directory };
  const plannedOrganizations = new Map(plan.organizations.map((o) => [o.id, o]));
  const directoryOf = (plannedId: string) => {
    const code = plannedOrganizations.get(plannedId)?.creditCode;
    const row = directory.find((d) => d.credit_code === code);
    if (!row) throw new Error(`demo organization ${plannedId} missing from the directory`);
    return row;
  };

  const rounds = await seedRounds(s);
  // An alliance of that name entered before the demo is someone else's: no pilot, nothing to file.
  const pilotParts = async (planned: PlannedAlliance, contact: DemoFiling['contact']) => {
    const alliance = await registeredAlliance(s, planned);
    return (
      alliance && { planned, alliance, contact, register: inDirectory(snapshotOf(planned), directoryOf) }
    );
  };
  let filings = 0;
  for (const [index, { filing, planned }] of filed.entries()) {
    const parts = await pilotParts(planned, filing.contact);
    if (!parts) continue;
    const schedule = scheduleOf(index);
    await seedCityPilot(s, parts, schedule.application);
    if (await seedFiling(s, { ...parts, filing }, schedule.filing, rounds.pastRoundId)) filings += 1;
  }
  // 株洲's pilot, on the same calendar as the others, after them.
  const story = await pilotParts(storyPilot, DEMO_STORY_PILOT.contact);
  if (story) await seedCityPilot(s, story, scheduleOf(filed.length).application);

  await client.query(
    `SELECT set_config('app.tenant_id', '', true), set_config('app.roles', '', true), set_config('app.user_id', '', true)`,
  );
  return { rounds: rounds.added, filings };
}

/** The alliance as the register seeding wrote it, read as its city; null when absent. */
async function registeredAlliance(s: Seeding, planned: PlannedAlliance): Promise<AllianceRow | null> {
  await s.setIdentity(planned.spec.tenantCode);
  const { rows } = await s.client.query<AllianceRow>(
    `SELECT id, tenant_id, name, industry_code, status, pilot_status, founded_on::text, established_on::text,
            dissolved_on::text, objectives, liable_entity, executive_full_time_staff
       FROM alliance WHERE id = $1`,
    [planned.id],
  );
  return rows[0] ?? null;
}

/**
 * The province's rounds: last year's; this year's open for 30 days already, 60 more to go; and
 * this year's supplementary round, open for 10 days already, without public notice.
 */
async function seedRounds(s: Seeding): Promise<{ added: number; pastRoundId: string }> {
  const staff = await s.staffOf(PROVINCE_CODE);
  await s.setIdentity(PROVINCE_CODE, staff.officer);
  const today = chinaDate(new Date());
  const openYear = Number(today.slice(0, 4));
  const defaults = filingRoundDefaults((await s.measuresInForce(null, today)).parameters);
  const past = DEMO_PAST_FILING_ROUND;
  const rounds = [
    {
      id: demoId(`filing-round:${PROVINCE_CODE}:${past.year}`),
      year: past.year,
      documentNumber: past.documentNumber,
      opensAt: midnight(past.opensOn),
      closesAt: endOf(past.lastDay),
      // Filed on paper: no expert review, no public notice, no uploads.
      reviewRequired: false,
      noticeDays: 0,
      requiredDocuments: [] as string[],
    },
    {
      // One open round for the demo, whatever year a later run falls in.
      id: demoId(`filing-round:${PROVINCE_CODE}:open`),
      year: openYear,
      documentNumber: demoOpenFilingRoundNumber(openYear),
      opensAt: midnight(addCalendarDays(today, -30)),
      closesAt: endOf(addCalendarDays(today, 60)),
      reviewRequired: defaults.reviewRequired,
      noticeDays: defaults.noticeDays,
      requiredDocuments: [...defaults.requiredDocuments] as string[],
    },
    {
      id: demoId(`filing-round:${PROVINCE_CODE}:supplementary`),
      year: openYear,
      documentNumber: demoSupplementaryFilingRoundNumber(openYear),
      opensAt: midnight(addCalendarDays(today, -10)),
      closesAt: endOf(addCalendarDays(today, 60)),
      // Filings go from acceptance to the decision (the measures let a round set no notice).
      reviewRequired: false,
      noticeDays: 0,
      requiredDocuments: [...defaults.requiredDocuments] as string[],
    },
  ];
  let added = 0;
  for (const r of rounds) {
    const inserted = await s.client.query(
      `INSERT INTO filing_round (id, tenant_id, year, document_number, opens_at, closes_at, quota_per_unit,
                                 review_required, notice_days, required_documents, status, published_at,
                                 created_at, created_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, NULL, $7, $8, $9, 'PUBLISHED', $5, $5, $10, $5)
       ON CONFLICT DO NOTHING`,
      [
        r.id,
        s.provinceId,
        r.year,
        r.documentNumber,
        r.opensAt,
        r.closesAt,
        r.reviewRequired,
        r.noticeDays,
        r.requiredDocuments,
        staff.officer,
      ],
    );
    added += inserted.rowCount ?? 0;
  }
  const { rows } = await s.client.query<{ id: string }>(
    'SELECT id FROM filing_round WHERE tenant_id = $1 AND year = $2 AND document_number = $3',
    [s.provinceId, past.year, past.documentNumber],
  );
  return { added, pastRoundId: rows[0]!.id };
}

/** What a city pilot's decision is written from. */
type PilotParts = {
  planned: PlannedAlliance;
  alliance: AllianceRow;
  register: AllianceSnapshot;
  /** Whom the city's pilot application named to contact. */
  contact: DemoFiling['contact'];
};

/** What a filing is written from: the pilot's parts and the demo filing. */
type Parts = PilotParts & { filing: DemoFiling };

/**
 * The city's closed 2024 call and the alliance's application to it, approved after review and
 * notice. The approval is written as the app writes it (an update to APPROVED), so the
 * database's own trigger marks the alliance and adds it to the city's list of pilots.
 */
async function seedCityPilot(
  s: Seeding,
  { planned, alliance, register, contact }: PilotParts,
  schedule: ReturnType<typeof scheduleOf>['application'],
): Promise<void> {
  const { spec } = planned;
  const cityCode = spec.tenantCode;
  const cityId = s.tenantIdOf(cityCode);
  const cityName = findDivision(cityCode)?.name ?? cityCode;
  const staff = await s.staffOf(cityCode);
  await s.setIdentity(cityCode, staff.officer);

  const measures = await s.measuresInForce(cityCode, CITY_CALL.opensOn);
  const applied = measures.local ?? measures.province;
  const call = {
    id: demoId(`pilot-call:${cityCode}:${CITY_CALL.year}`),
    title: `${CITY_CALL.year}年度${cityName}产业技术创新战略联盟试点申报`,
    description: [
      `根据《湖南省产业技术创新战略联盟建设与发展管理办法》，现组织开展${CITY_CALL.year}年度${cityName}产业技术创新战略联盟试点申报工作。`,
      '已在本市登记、运行满一年且符合组建条件的联盟，由牵头单位填写申报书，经专家评审、公示无异议后确认为市级试点联盟。',
    ].join('\n'),
    opensAt: midnight(CITY_CALL.opensOn),
    closesAt: endOf(CITY_CALL.lastDay),
    recommendBy: endOf(CITY_CALL.recommendBy),
    decideBy: endOf(CITY_CALL.decideBy),
  };
  // No uploads asked: the demo register holds no documents.
  await s.client.query(
    `INSERT INTO pilot_call (id, tenant_id, title, description, opens_at, closes_at, recommend_by, decide_by,
                             measures_tenant_id, measures_id, measures_version_no, required_documents, status,
                             published_at, created_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, '{}', 'PUBLISHED', $5, $5, $12)
     ON CONFLICT DO NOTHING`,
    [
      call.id,
      cityId,
      call.title,
      call.description,
      call.opensAt,
      call.closesAt,
      call.recommendBy,
      call.decideBy,
      applied.tenant_id,
      applied.id,
      applied.version_no,
      staff.officer,
    ],
  );

  const applicationId = demoId(`pilot-application:${spec.name}:${CITY_CALL.year}`);
  const asOf = schedule.submittedOn;
  const review = measures.parameters.review;
  const notice =
    review.publicNoticeDays > 0 ? publicNoticePeriod(schedule.reviewedOn, review.publicNoticeDays) : null;
  const decidedOn = addCalendarDays(notice?.endsOn ?? schedule.reviewedOn, 3);
  const onRoll = currentMembers(register.members, asOf);
  const check = checkFoundingConditions(register, measures.parameters, asOf);
  if (!check.allHold) throw new Error(`demo pilot ${alliance.name}: Art. 8 fails on ${asOf}`);
  const iso = (instant: string) => new Date(instant).toISOString();
  // The dossier as the API freezes it on submission (pilot-dossier.ts).
  const dossier: PilotDossier = {
    asOf,
    alliance: {
      id: alliance.id,
      tenantId: alliance.tenant_id,
      name: alliance.name,
      industryCode: alliance.industry_code,
      industryName: findIndustry(alliance.industry_code)?.name ?? null,
      foundedOn: alliance.founded_on,
      establishedOn: alliance.established_on,
      objectives: alliance.objectives,
      liableEntity: alliance.liable_entity,
      executiveFullTimeStaff: alliance.executive_full_time_staff,
      governanceBodies: register.governance.bodies,
    },
    members: onRoll.map((m) => ({
      organizationId: m.organizationId,
      name: m.name,
      type: m.type,
      creditCode: s.directory.find((d) => d.id === m.organizationId)?.credit_code ?? null,
      role: m.role,
      industryBackbone: m.industryBackbone,
      joinedOn: m.joinedOn,
    })),
    agreement: agreementInEffect(register, asOf),
    foundingCheck: check,
    measures: { id: applied.id, tenantId: applied.tenant_id, versionNo: applied.version_no },
    call: {
      id: call.id,
      tenantId: cityId,
      title: call.title,
      description: call.description,
      opensAt: iso(call.opensAt),
      closesAt: iso(call.closesAt),
      recommendBy: iso(call.recommendBy),
      decideBy: iso(call.decideBy),
      measuresTenantId: applied.tenant_id,
      measuresId: applied.id,
      measuresVersionNo: applied.version_no,
      requiredDocuments: [],
      publishedAt: iso(call.opensAt),
      version: 1,
    },
  };
  const inserted = await s.client.query(
    `INSERT INTO pilot_application (id, tenant_id, alliance_id, call_id, authority_tenant_id, recommending_tenant_id,
                                    level, state, goals, work_plan, budget_fen, own_investment_fen, expected_results,
                                    contact_name, contact_phone, dossier, member_organization_ids, submitted_at,
                                    submitted_by, recommended_at, recommended_by, recommendation_opinion, accepted_at,
                                    review_started_at, reviewed_at, notice_starts_on, notice_ends_on, created_at,
                                    created_by, updated_at)
     VALUES ($1, $2, $3, $4, $2, $2, 'CITY', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
             $20, $21, $22, $23, $24, $25, $16, $22)
     ON CONFLICT DO NOTHING`,
    [
      applicationId,
      cityId,
      alliance.id,
      call.id,
      notice ? 'PUBLICISED' : 'REVIEWED',
      spec.objectives,
      `围绕${spec.topic}关键共性技术，三年内组织联合攻关项目，共建开放共享的研发和检测平台，完善知识产权共享和成果转化机制；` +
        '每年召开理事会和专家委员会会议，定期向市科技局报送运行情况。',
      300_000_000,
      500_000_000,
      `形成一批${spec.topic}领域核心专利和团体标准，培养技术骨干，推动成果在成员单位转化应用。`,
      contact.name,
      contact.phone,
      JSON.stringify(dossier),
      onRoll.map((m) => m.organizationId),
      at(schedule.submittedOn, '15:00'),
      staff.officer,
      schedule.recommended,
      staff.admin,
      '联盟组织架构健全，协议条款完备，运行规范，同意推荐。',
      schedule.accepted,
      schedule.reviewStarted,
      at(schedule.reviewedOn, '17:00'),
      notice?.startsOn ?? null,
      notice?.endsOn ?? null,
      schedule.created,
    ],
  );
  if (!inserted.rowCount) return;

  // The panel's sheets are not part of the demo; the decision keeps their aggregate, as the app does.
  const [aggregate] = aggregateScores(
    panelSheets(spec.name, applicationId, review.expertsPerApplication),
    review,
  );
  const basis = pilotDecisionBasis(aggregate ?? null, review, {
    measuresId: applied.id,
    versionNo: applied.version_no,
  });
  await s.setIdentity(cityCode, staff.admin);
  await s.client.query(
    `UPDATE pilot_application SET state = 'APPROVED', decided_at = $2, decided_by = $3, decision_reason = $4,
                                  decision_basis = $5, version = version + 1
      WHERE id = $1`,
    [
      applicationId,
      at(decidedOn, '10:00'),
      staff.admin,
      `经专家评审（综合得分 ${aggregate?.total ?? '—'} 分）${notice ? '并公示无异议' : ''}，确认为${cityName}产业技术创新战略联盟试点。`,
      JSON.stringify(basis),
    ],
  );
}

/**
 * The filing in last year's round as the province filed it, with the snapshot its submission
 * froze; false when the alliance already has a filing that has not lapsed (or this one).
 */
async function seedFiling(
  s: Seeding,
  { filing, planned, alliance, register }: Parts,
  schedule: ReturnType<typeof scheduleOf>['filing'],
  roundId: string,
): Promise<boolean> {
  const cityCode = planned.spec.tenantCode;
  const cityId = s.tenantIdOf(cityCode);
  const staff = await s.staffOf(cityCode);
  await s.setIdentity(cityCode, staff.officer);
  const filingId = demoId(`filing:${planned.spec.name}:${DEMO_PAST_FILING_ROUND.year}`);
  const { rows: others } = await s.client.query<{ id: string; state: FilingState }>(
    'SELECT id, state FROM filing WHERE tenant_id = $1 AND alliance_id = $2',
    [cityId, alliance.id],
  );
  if (others.some((o) => o.id === filingId || !LAPSED_FILING_STATES.includes(o.state))) return false;

  // The decision the filing rests on, read as the API reads it (FilingsRepository.pilotDecision).
  const { rows: decisions } = await s.client.query<PilotDecisionRow>(
    `SELECT id AS "pilotApplicationId", level, authority_tenant_id AS "authorityTenantId",
            recommending_tenant_id AS "recommendingTenantId",
            to_char(decided_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "decidedOn",
            coalesce(decision_reason, '') AS reason, coalesce(decision_basis, '{}'::jsonb) AS basis
       FROM pilot_application WHERE alliance_id = $1 AND state = 'APPROVED'
      ORDER BY decided_at DESC LIMIT 1`,
    [alliance.id],
  );
  const pilotDecision = decisions[0] ?? null;
  // What the API would have refused is not demo data.
  const refusals = [
    ...filingEligibilityViolations({
      filingTenantId: cityId,
      alliance: {
        tenantId: alliance.tenant_id,
        status: alliance.status,
        dissolvedOn: alliance.dissolved_on,
        pilotStatus: alliance.pilot_status,
      },
      pilotDecision,
      otherFilingStates: others.map((o) => o.state),
    }),
    ...filingDossierGaps(
      { significance: filing.significance.statement, level: filing.significance.level, documentKinds: [] },
      { requiredDocuments: [], documentNumber: DEMO_PAST_FILING_ROUND.documentNumber },
    ),
  ];
  if (refusals.length || !pilotDecision)
    throw new Error(`demo filing of ${alliance.name}: ${refusals.map((r) => r.message).join('；')}`);

  const submittedAt = at(schedule.submittedOn, '15:00');
  const measures = await s.measuresInForce(cityCode, schedule.submittedOn);
  const ref = (m: MeasuresRow) => ({ id: m.id, versionNo: m.version_no, documentNumber: m.document_number });
  const snapshot = freezeFilingSnapshot({
    now: new Date(submittedAt),
    asOf: schedule.submittedOn,
    alliance: {
      id: alliance.id,
      name: alliance.name,
      industryCode: alliance.industry_code,
      tenantId: alliance.tenant_id,
      status: alliance.status,
      pilotStatus: alliance.pilot_status,
    },
    register,
    creditCodes: new Map(s.directory.map((d) => [d.id, d.credit_code])),
    documents: [],
    parameters: measures.parameters,
    measures: { province: ref(measures.province), local: measures.local ? ref(measures.local) : null },
    pilotDecision,
    significance: filing.significance,
    sha256: sha256Hex,
  });
  if (!snapshot.foundingCheck.allHold)
    throw new Error(`demo filing of ${alliance.name}: Art. 8 fails on ${schedule.submittedOn}`);

  // The year's next number from the province's counter, as FILE takes it; valid for the years of
  // the province's measures.
  const province = await s.staffOf(PROVINCE_CODE);
  await s.setIdentity(PROVINCE_CODE, province.admin);
  const year = Number(schedule.filedOn.slice(0, 4));
  const { rows: counter } = await s.client.query<{ last_seq: number }>(
    `INSERT INTO filing_counter (tenant_id, year, last_seq) VALUES ($1, $2, 1)
     ON CONFLICT (tenant_id, year) DO UPDATE SET last_seq = filing_counter.last_seq + 1
     RETURNING last_seq`,
    [s.provinceId, year],
  );
  const sequence = counter[0]!.last_seq;
  const filingNumber = formatFilingNumber({ year, sequence });
  const validityYears = (await s.measuresInForce(null, schedule.filedOn)).parameters.filing.validityYears;
  const decidedAt = at(schedule.filedOn, '10:00');
  const national = filing.national && {
    at: at(filing.national.on, '10:00'),
    opinion: filing.national.opinion,
  };

  // The city's row, inserted as it stands once filed (filing_guard judges updates, not inserts).
  await s.setIdentity(cityCode, staff.officer);
  await s.client.query(
    `INSERT INTO filing (id, tenant_id, alliance_id, round_id, authority_tenant_id, state, significance, level, dossier,
                         submitted_at, submitted_by, accepted_at, decided_at, decided_by, decision_basis, filing_year,
                         filing_seq, filing_number, filed_on, valid_through, national_recommended_at,
                         national_opinion, created_at, created_by, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, 'FILED', $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,
             $22, $10, $23, $13)`,
    [
      filingId,
      cityId,
      alliance.id,
      roundId,
      s.provinceId,
      filing.significance.statement,
      filing.significance.level,
      JSON.stringify(snapshot),
      submittedAt,
      staff.officer,
      schedule.accepted,
      decidedAt,
      province.admin,
      JSON.stringify({ reason: null, filingNumber, reviewTotal: null, passes: null }),
      year,
      sequence,
      filingNumber,
      schedule.filedOn,
      filingValidThrough(schedule.filedOn, validityYears),
      national?.at ?? null,
      national?.opinion ?? null,
      schedule.created,
      national?.at ?? decidedAt,
    ],
  );
  await s.client.query(
    `INSERT INTO filing_snapshot (tenant_id, filing_id, seq, kind, snapshot, sha256, taken_at, taken_by)
     VALUES ($1, $2, 1, 'SUBMISSION', $3, $4, $5, $6)`,
    [
      cityId,
      filingId,
      JSON.stringify(snapshot),
      sha256Hex(canonicalJson(snapshot)),
      submittedAt,
      staff.officer,
    ],
  );
  return true;
}
