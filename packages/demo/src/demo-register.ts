import {
  addCalendarDays,
  type AgreementSnapshot,
  type AllianceSnapshot,
  checkCreditCode,
  checkFoundingConditions,
  creditCodeCheckCharacter,
  creditCodeTypeMismatch,
  type FoundingCheck,
  type GovernanceBodyKind,
  HUNAN_2016_PARAMETERS,
  PROVINCE_CODE,
} from '@xiangmeng/domain';
import { createHash } from 'node:crypto';
import type { Client } from 'pg';
import {
  DEMO_ALLIANCES,
  DEMO_GAP_EXPECTATIONS,
  DEMO_LAST_DATE,
  type DemoAlliance,
  type DemoOrganization,
} from './demo-register.data.js';

// Builds the demo register from its catalogue: identifiers, credit codes, agreement versions,
// signatures and yearly outputs are all derived from names, so every run plans the same rows.
// The plan is checked against Art. 8 before anything is written.

type PlannedOrganization = DemoOrganization & {
  id: string;
  creditCode: string;
  legalRepresentative: string;
  /** The tenant of the first alliance that lists it: that tenant adds it to the shared directory. */
  addedByTenantCode: string;
};

type PlannedMember = {
  id: string;
  organization: PlannedOrganization;
  role: 'CHAIR' | 'VICE_CHAIR' | 'MEMBER';
  joinedOn: string;
  exitedOn: string | null;
  exitReason: string | null;
  createdAt: string;
};

type PlannedAgreement = {
  id: string;
  version: number;
  createdAt: string;
  innovationGoals: string;
  ipOwnership: string;
  ipLicensing: string;
  ipBenefitSharing: string;
  breachLiability: string;
  ipOnDissolution: string;
  ipOnMemberExit: string;
  fundManagement: string;
  fundSupervision: string;
  newMembersRule: string;
  externalCooperation: string;
  resultsDiffusion: string;
  tasks: { organizationId: string; task: string }[];
  signatures: { organizationId: string; signatoryName: string; signedOn: string }[];
};

type PlannedOutput = { id: string; year: number; kind: string; quantity: number; description: string };

export type PlannedAlliance = {
  id: string;
  spec: DemoAlliance;
  createdAt: string;
  hostOrganizationId: string;
  liableEntity: string;
  executiveFullTimeStaff: number;
  members: PlannedMember[];
  bodies: { kind: GovernanceBodyKind; name: string; description: string }[];
  agreements: PlannedAgreement[];
  outputs: PlannedOutput[];
};

export type DemoRegisterPlan = { organizations: PlannedOrganization[]; alliances: PlannedAlliance[] };

function digest(key: string): Buffer {
  return createHash('sha256').update(`xiangmeng-demo:${key}`).digest();
}

/** A stable identifier for a demo row (UUID layout, version 5 bits). */
export function demoId(key: string): string {
  const hex = digest(key).toString('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A small seeded generator (mulberry32): the same alliance always gets the same figures. */
export function seededRandom(key: string): () => number {
  let state = digest(key).readUInt32BE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The organization code inside the credit code (GB 11714): eight digits and their check character.
const ORGANIZATION_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function organizationCode(name: string): string {
  const body = String(digest(`organization-code:${name}`).readUInt32BE(0) % 100_000_000).padStart(8, '0');
  const sum = [...body].reduce((s, c, i) => s + Number(c) * (ORGANIZATION_CODE_WEIGHTS[i] ?? 0), 0);
  const check = 11 - (sum % 11);
  return body + (check === 10 ? 'X' : check === 11 ? '0' : String(check));
}

export function demoCreditCode(organization: DemoOrganization): string {
  const first17 = `${organization.registration}${organization.divisionCode}${organizationCode(organization.name)}`;
  return first17 + creditCodeCheckCharacter(first17);
}

const SURNAMES =
  '王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN_NAMES = [
  '建国',
  '志强',
  '海涛',
  '晓东',
  '立新',
  '卫东',
  '红梅',
  '国平',
  '文斌',
  '湘林',
  '振华',
  '德明',
  '丽华',
  '新民',
  '宏伟',
  '永辉',
  '春生',
  '光明',
  '建军',
  '晓燕',
  '跃进',
  '爱民',
  '湘平',
  '利军',
  '铁军',
  '桂芳',
  '小平',
  '少华',
  '楚雄',
  '岳峰',
];

function legalRepresentative(name: string): string {
  const random = seededRandom(`representative:${name}`);
  const surname = SURNAMES.charAt(Math.floor(random() * SURNAMES.length));
  return surname + GIVEN_NAMES[Math.floor(random() * GIVEN_NAMES.length)];
}

const addDays = addCalendarDays;

/** A moment on a China calendar date, as a timestamptz literal. */
function onDate(date: string, minutes: number): string {
  const h = 9 + Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${date}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+08:00`;
}

function taskFor(organization: DemoOrganization, role: string, topic: string): string {
  if (role === 'CHAIR') return `牵头组织${topic}关键共性技术联合攻关，承担技术成果的工程化验证和产业化示范。`;
  switch (organization.type) {
    case 'ENTERPRISE':
      return `承担${topic}关键零部件和工艺的工程化开发、中试验证及推广应用。`;
    case 'UNIVERSITY':
      return `承担${topic}领域基础理论和前沿技术研究，联合培养研究生和企业技术骨干。`;
    case 'RESEARCH_INSTITUTE':
      return `承担${topic}共性技术研发，建设开放共享的检测验证平台。`;
    case 'INTERMEDIARY':
      return `负责${topic}领域技术转移、成果评价和知识产权运营服务，组织行业交流。`;
    case 'BANK':
      return '为联盟成员提供科技信贷、知识产权质押融资等金融服务（第十七条）。';
    case 'VENTURE_CAPITAL':
      return `设立或参与${topic}产业投资，支持联盟成果转化项目（第十七条）。`;
    case 'GUARANTEE':
      return '为联盟成员的科技贷款提供融资担保服务（第十七条）。';
    case 'INSURANCE':
      return '为联盟成员提供科技保险和贷款保证保险服务（第十七条）。';
    case 'OTHER':
      return `参与${topic}领域联合攻关和成果推广。`;
  }
}

function agreementText(alliance: DemoAlliance, version: number, host: PlannedOrganization) {
  const gap = alliance.status === 'FORMING' ? alliance.gap : null;
  const target = Number(alliance.foundedOn.slice(0, 4)) + 3;
  const noIp = gap === 'NO_IP_TERMS';
  return {
    innovationGoals:
      `围绕${alliance.topic}产业发展需求，联合突破关键共性技术，到 ${target} 年形成一批核心专利和技术标准，` +
      `建成开放共享的创新平台。${version > 1 ? '本版吸收新成员单位，相应调整任务分工。' : ''}`,
    ipOwnership: noIp
      ? ''
      : '成员单位独立完成的成果及知识产权归完成单位所有；联合研发形成的成果按各方贡献共有，权属比例在项目任务书中事先约定。',
    ipLicensing: noIp
      ? ''
      : '共有知识产权的许可由权利人协商一致；成员单位在同等条件下享有优先、优惠的许可使用权；财政资助项目形成的知识产权按规定许可省内其他单位使用。',
    ipBenefitSharing: noIp
      ? ''
      : '成果转化收益在扣除转化成本后，按各方投入和贡献比例分配，具体比例在项目合同中约定。',
    breachLiability: noIp
      ? ''
      : '成员单位违反知识产权和保密约定的，应赔偿由此造成的损失；情节严重的，经理事会决议取消其成员资格。',
    ipOnDissolution: noIp
      ? ''
      : '联盟解散时，共有知识产权按原约定份额归各权利人；在研项目形成的知识产权随项目由承接单位继续实施，收益按原比例分配。',
    ipOnMemberExit: noIp
      ? ''
      : '成员单位退出时，其参与形成的知识产权份额保持不变，联盟其他成员可继续无偿实施；退出单位不得妨碍在研项目实施。',
    fundManagement: `联盟经费实行预算管理，委托常设机构依托单位${host.name}设立专账核算；财政资金专款专用，按有关规定使用并接受监督。`,
    fundSupervision:
      gap === 'NO_FUND_SUPERVISION'
        ? ''
        : '设经费监督小组，秘书处每年向理事会报告经费收支，接受成员单位和主管部门的监督检查。',
    newMembersRule:
      '认同本协议、在相关领域具有优势的企业、高校、科研机构及服务机构，可书面申请加入，经理事会审议通过后签署协议。',
    externalCooperation: '联盟与省内外、国内外相关机构开展技术交流与合作，积极参与国际科技合作项目。',
    resultsDiffusion:
      gap === 'NO_RESULTS_DIFFUSION'
        ? ''
        : '财政资助项目形成的成果向联盟外单位扩散，通过技术转让、许可、培训和示范应用推动行业技术进步。',
  };
}

const OUTPUT_KINDS = [
  { kind: 'PATENT', min: 3, max: 24, every: 1, description: '授权发明专利和实用新型专利' },
  { kind: 'TRAINING', min: 20, max: 150, every: 1, description: '联合培养研究生和企业技术骨干（人次）' },
  { kind: 'STANDARD', min: 1, max: 3, every: 2, description: '主导或参与制定国家、行业、团体标准' },
  { kind: 'TRANSFER', min: 1, max: 6, every: 2, description: '技术成果转让、许可和作价入股项目' },
  { kind: 'PLATFORM', min: 1, max: 1, every: 4, description: '共建工程技术研究中心、重点实验室等创新平台' },
] as const;

function plannedOutputs(alliance: DemoAlliance): PlannedOutput[] {
  if (alliance.status === 'FORMING') return [];
  const random = seededRandom(`outputs:${alliance.name}`);
  const first = Number(alliance.establishedOn.slice(0, 4));
  const last = Math.min(
    Number(DEMO_LAST_DATE.slice(0, 4)),
    alliance.status === 'DISSOLVED' ? Number(alliance.dissolvedOn.slice(0, 4)) : Infinity,
  );
  const outputs: PlannedOutput[] = [];
  for (let year = first; year <= last; year += 1) {
    for (const k of OUTPUT_KINDS) {
      if ((year - first) % k.every !== 0) continue;
      outputs.push({
        id: demoId(`output:${alliance.name}:${year}:${k.kind}`),
        year,
        kind: k.kind,
        quantity: k.min + Math.floor(random() * (k.max - k.min + 1)),
        description: `${year} 年${k.description}`,
      });
    }
  }
  return outputs;
}

function planAlliance(
  alliance: DemoAlliance,
  index: number,
  organizationOf: (o: DemoOrganization) => PlannedOrganization,
): PlannedAlliance {
  const gap = alliance.status === 'FORMING' ? alliance.gap : null;
  const random = seededRandom(`alliance:${alliance.name}`);
  const chair = alliance.members.find((m) => m.role === 'CHAIR');
  if (!chair) throw new Error(`demo alliance ${alliance.name} has no chair`);
  const host = organizationOf(alliance.host ?? chair.organization);

  const members: PlannedMember[] = alliance.members.map((m, i) => {
    const joinedOn = m.joinedOn ?? alliance.foundedOn;
    let exitedOn = m.exited?.on ?? null;
    let exitReason = m.exited?.reason ?? null;
    // Dissolution: every member still on the roll leaves that day, as the API records it.
    if (alliance.status === 'DISSOLVED' && exitedOn === null) {
      exitedOn = alliance.dissolvedOn;
      exitReason = '联盟解散';
    }
    return {
      id: demoId(`member:${alliance.name}:${m.organization.name}`),
      organization: organizationOf(m.organization),
      role: m.role,
      joinedOn,
      exitedOn,
      exitReason,
      createdAt: onDate(joinedOn, i),
    };
  });

  // Version 1 among the founders; each later joining date brings a version signed by all on the roll.
  const agreements: PlannedAgreement[] = [];
  if (gap !== 'NO_AGREEMENT') {
    const versionDates = [alliance.foundedOn, ...new Set(members.map((m) => m.joinedOn))]
      .filter((d, i, all) => all.indexOf(d) === i)
      .sort();
    versionDates.forEach((date, v) => {
      const version = v + 1;
      const onRoll = members.filter((m) => m.joinedOn <= date && (m.exitedOn === null || m.exitedOn > date));
      const signers = gap === 'SIGNATURE_MISSING' ? onRoll.slice(0, -1) : onRoll;
      agreements.push({
        id: demoId(`agreement:${alliance.name}:${version}`),
        version,
        createdAt: onDate(date, 0),
        ...agreementText(alliance, version, host),
        tasks: onRoll.map((m) => ({
          organizationId: m.organization.id,
          task: taskFor(m.organization, m.role, alliance.topic),
        })),
        // Founders sign within a few days of the founding meeting; a new version on the joining day.
        signatures: signers.map((m, i) => ({
          organizationId: m.organization.id,
          signatoryName: m.organization.legalRepresentative,
          signedOn: version === 1 ? addDays(date, i % 4) : date,
        })),
      });
    });
  }

  const allBodies: PlannedAlliance['bodies'] = [
    {
      kind: 'DECISION',
      name: '理事会',
      description: `由成员单位代表组成，理事长单位为${organizationOf(chair.organization).name}`,
    },
    {
      kind: 'ADVISORY',
      name: '专家委员会',
      description: `由${alliance.topic}领域高校、院所和企业专家组成，负责技术咨询和项目论证`,
    },
    { kind: 'EXECUTIVE', name: '秘书处', description: `设在依托单位${host.name}，负责联盟日常运行` },
  ];
  const bodies = allBodies.filter((b) => !(gap === 'NO_ADVISORY_BODY' && b.kind === 'ADVISORY'));

  return {
    id: demoId(`alliance:${alliance.name}`),
    spec: alliance,
    // Registered on the founding date; the register lists newest first.
    createdAt: onDate(alliance.foundedOn, 60 + (index % 60)),
    hostOrganizationId: host.id,
    liableEntity: organizationOf(chair.organization).name,
    executiveFullTimeStaff: gap === 'NO_FULL_TIME_STAFF' ? 0 : 2 + Math.floor(random() * 5),
    members,
    bodies,
    agreements,
    outputs: plannedOutputs(alliance),
  };
}

export function snapshotOf(alliance: PlannedAlliance): AllianceSnapshot {
  const agreements: AgreementSnapshot[] = alliance.agreements.map((a) => ({
    version: a.version,
    innovationGoals: a.innovationGoals,
    tasks: a.tasks,
    ipTerms: {
      ownership: a.ipOwnership,
      licensing: a.ipLicensing,
      benefitSharing: a.ipBenefitSharing,
      breachLiability: a.breachLiability,
      onDissolution: a.ipOnDissolution,
      onMemberExit: a.ipOnMemberExit,
    },
    fundRules: { management: a.fundManagement, supervision: a.fundSupervision },
    openness: {
      newMembers: a.newMembersRule,
      externalCooperation: a.externalCooperation,
      resultsDiffusion: a.resultsDiffusion,
    },
    signatures: a.signatures,
  }));
  return {
    members: alliance.members.map((m) => ({
      organizationId: m.organization.id,
      name: m.organization.name,
      type: m.organization.type,
      industryBackbone: m.organization.backboneBasis !== undefined,
      role: m.role,
      joinedOn: m.joinedOn,
      exitedOn: m.exitedOn,
    })),
    agreements,
    governance: {
      bodies: alliance.bodies.map((b) => ({ kind: b.kind, name: b.name })),
      liableEntity: alliance.liableEntity,
      executiveFullTimeStaff: alliance.executiveFullTimeStaff,
    },
  };
}

function failing(check: FoundingCheck): string[] {
  return check.conditions.filter((c) => !c.holds).map((c) => c.condition);
}

/** Throws unless the plan is what the demo promises: valid codes, Art. 8 where it must hold, each gap as named. */
export function verifyDemoRegisterPlan(plan: DemoRegisterPlan): void {
  const problems: string[] = [];
  for (const o of plan.organizations) {
    if (checkCreditCode(o.creditCode) !== null)
      problems.push(`${o.name}: invalid credit code ${o.creditCode}`);
    if (creditCodeTypeMismatch(o.creditCode, o.type))
      problems.push(`${o.name}: authority does not fit ${o.type}`);
  }
  const codes = new Set(plan.organizations.map((o) => o.creditCode));
  if (codes.size !== plan.organizations.length) problems.push('two demo organizations share a credit code');
  const latest = (a: PlannedAlliance) =>
    [
      a.spec.foundedOn,
      ...a.members.flatMap((m) => [m.joinedOn, m.exitedOn ?? '']),
      ...a.agreements.flatMap((g) => g.signatures.map((s) => s.signedOn)),
    ]
      .filter(Boolean)
      .sort()
      .at(-1) ?? '';
  for (const a of plan.alliances) {
    const { spec } = a;
    if (latest(a) > DEMO_LAST_DATE) problems.push(`${spec.name}: a date after ${DEMO_LAST_DATE}`);
    const snapshot = snapshotOf(a);
    const now = checkFoundingConditions(snapshot, HUNAN_2016_PARAMETERS, DEMO_LAST_DATE);
    switch (spec.status) {
      case 'ESTABLISHED':
      case 'DISSOLVED': {
        const then = checkFoundingConditions(snapshot, HUNAN_2016_PARAMETERS, spec.establishedOn);
        if (!then.allHold)
          problems.push(`${spec.name}: Art. 8 fails on ${spec.establishedOn}: ${failing(then).join(', ')}`);
        if (spec.status === 'ESTABLISHED' && !now.allHold) {
          problems.push(`${spec.name}: Art. 8 fails on ${DEMO_LAST_DATE}: ${failing(now).join(', ')}`);
        }
        break;
      }
      case 'FORMING': {
        const expected = DEMO_GAP_EXPECTATIONS[spec.gap];
        const actual = failing(now);
        const reasons = now.conditions.flatMap((c) => c.reasons.map((r) => r.code));
        if (actual.join() !== expected.failing.join()) {
          problems.push(
            `${spec.name} (${spec.gap}): fails [${actual.join(', ')}], expected [${expected.failing.join(', ')}]`,
          );
        }
        if (expected.reasonCode && !reasons.includes(expected.reasonCode)) {
          problems.push(`${spec.name} (${spec.gap}): no ${expected.reasonCode} among ${reasons.join(', ')}`);
        }
        break;
      }
    }
  }
  if (problems.length) throw new Error(`demo register is inconsistent:\n${problems.join('\n')}`);
}

export function planDemoRegister(): DemoRegisterPlan {
  const organizations = new Map<string, PlannedOrganization>();
  const organizationOf = (tenantCode: string) => (o: DemoOrganization) => {
    const known = organizations.get(o.name);
    if (known) {
      if (
        known.divisionCode !== o.divisionCode ||
        known.type !== o.type ||
        known.backboneBasis !== o.backboneBasis
      ) {
        throw new Error(`demo organization ${o.name} is described twice, differently`);
      }
      return known;
    }
    const planned: PlannedOrganization = {
      ...o,
      id: demoId(`organization:${o.name}`),
      creditCode: demoCreditCode(o),
      legalRepresentative: legalRepresentative(o.name),
      addedByTenantCode: tenantCode,
    };
    organizations.set(o.name, planned);
    return planned;
  };
  const alliances = DEMO_ALLIANCES.map((a, i) => planAlliance(a, i, organizationOf(a.tenantCode)));
  const plan = { organizations: [...organizations.values()], alliances };
  verifyDemoRegisterPlan(plan);
  return plan;
}

async function insertRows(
  client: Client,
  sql: string,
  rows: unknown[],
  ...params: unknown[]
): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await client.query(sql, [JSON.stringify(rows), ...params]);
  return result.rowCount ?? 0;
}

/**
 * Writes the demo register inside the caller's transaction, as the owner with each tenant set
 * (row-level security checks every row). An alliance already present — by its identifier or its
 * name in that tenant — is left alone with everything under it, so a second run writes nothing.
 */
export async function seedDemoRegister(
  client: Client,
): Promise<{ alliances: number; organizations: number }> {
  const plan = planDemoRegister();
  const { rows: tenants } = await client.query<{ id: string; code: string }>('SELECT id, code FROM tenant');
  const tenantIdOf = (code: string) => {
    const id = tenants.find((t) => t.code === code)?.id;
    if (!id) throw new Error(`unknown tenant ${code}`);
    return id;
  };
  const provinceId = tenantIdOf(PROVINCE_CODE);
  // The register is its tier's staff's (row-level security): the demo writes as the tier's administrator.
  const setTenant = (code: string) =>
    client.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.roles', $2, true)`, [
      tenantIdOf(code),
      code === PROVINCE_CODE ? 'PROVINCE_ADMIN' : 'CITY_ADMIN',
    ]);

  let organizationsAdded = 0;
  for (const code of new Set(plan.organizations.map((o) => o.addedByTenantCode))) {
    await setTenant(code);
    organizationsAdded += await insertRows(
      client,
      `INSERT INTO organization (id, credit_code, name, type, legal_representative, industry_backbone, backbone_basis, added_by_tenant_id)
       SELECT r.id, r.credit_code, r.name, r.type, r.legal_representative, r.industry_backbone, r.backbone_basis, $2
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, credit_code text, name text, type text, legal_representative text,
                                                industry_backbone boolean, backbone_basis text)
       ON CONFLICT DO NOTHING`,
      plan.organizations
        .filter((o) => o.addedByTenantCode === code)
        .map((o) => ({
          id: o.id,
          credit_code: o.creditCode,
          name: o.name,
          type: o.type,
          legal_representative: o.legalRepresentative,
          industry_backbone: o.backboneBasis !== undefined,
          backbone_basis: o.backboneBasis ?? '',
        })),
      tenantIdOf(code),
    );
  }
  // A credit code someone entered before the demo keeps its own row; members point at that row.
  const { rows: directory } = await client.query<{ id: string; credit_code: string }>(
    'SELECT id, credit_code FROM organization WHERE credit_code = ANY($1)',
    [plan.organizations.map((o) => o.creditCode)],
  );
  const directoryId = new Map(directory.map((r) => [r.credit_code, r.id]));
  const organizationIdOf = (plannedId: string) => {
    const o = plan.organizations.find((p) => p.id === plannedId);
    const id = o && directoryId.get(o.creditCode);
    if (!id) throw new Error(`demo organization ${plannedId} missing from the directory`);
    return id;
  };

  let alliancesAdded = 0;
  for (const code of new Set(plan.alliances.map((a) => a.spec.tenantCode))) {
    await setTenant(code);
    const tenantId = tenantIdOf(code);
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO alliance (id, tenant_id, name, industry_code, founded_on, objectives, host_organization_id, liable_entity,
                             executive_full_time_staff, status, established_on, established_measures_id, dissolved_on,
                             dissolution_reason, pilot_status, created_at, updated_at)
       SELECT r.id, $2, r.name, r.industry_code, r.founded_on, r.objectives, r.host_organization_id, r.liable_entity,
              r.executive_full_time_staff, r.status, r.established_on,
              CASE WHEN r.established_on IS NOT NULL THEN
                (SELECT m.id FROM measures m WHERE m.tenant_id = $3 AND m.status = 'PUBLISHED' AND m.effective_on <= r.established_on
                 ORDER BY m.effective_on DESC, m.version_no DESC LIMIT 1) END,
              r.dissolved_on, r.dissolution_reason, r.pilot_status, r.created_at, r.created_at
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, name text, industry_code text, founded_on date, objectives text,
              host_organization_id uuid, liable_entity text, executive_full_time_staff integer, status text,
              established_on date, dissolved_on date, dissolution_reason text, pilot_status text, created_at timestamptz)
       ON CONFLICT DO NOTHING
       RETURNING id`,
      [
        JSON.stringify(
          plan.alliances
            .filter((a) => a.spec.tenantCode === code)
            .map((a) => ({
              id: a.id,
              name: a.spec.name,
              industry_code: a.spec.industryCode,
              founded_on: a.spec.foundedOn,
              objectives: a.spec.objectives,
              host_organization_id: organizationIdOf(a.hostOrganizationId),
              liable_entity: a.liableEntity,
              executive_full_time_staff: a.executiveFullTimeStaff,
              status: a.spec.status,
              established_on: a.spec.status === 'FORMING' ? null : a.spec.establishedOn,
              dissolved_on: a.spec.status === 'DISSOLVED' ? a.spec.dissolvedOn : null,
              dissolution_reason: a.spec.status === 'DISSOLVED' ? a.spec.reason : null,
              pilot_status: a.spec.pilotStatus ?? 'NONE',
              created_at: a.createdAt,
            })),
        ),
        tenantId,
        provinceId,
      ],
    );
    const added = new Set(inserted.rows.map((r) => r.id));
    const fresh = plan.alliances.filter((a) => added.has(a.id));
    alliancesAdded += fresh.length;
    if (fresh.length === 0) continue;

    await insertRows(
      client,
      `INSERT INTO alliance_member (id, tenant_id, alliance_id, organization_id, role, joined_on, exited_on, exit_reason, created_at)
       SELECT r.id, $2, r.alliance_id, r.organization_id, r.role, r.joined_on, r.exited_on, r.exit_reason, r.created_at
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, alliance_id uuid, organization_id uuid, role text, joined_on date,
                                                exited_on date, exit_reason text, created_at timestamptz)`,
      fresh.flatMap((a) =>
        a.members.map((m) => ({
          id: m.id,
          alliance_id: a.id,
          organization_id: organizationIdOf(m.organization.id),
          role: m.role,
          joined_on: m.joinedOn,
          exited_on: m.exitedOn,
          exit_reason: m.exitReason,
          created_at: m.createdAt,
        })),
      ),
      tenantId,
    );
    await insertRows(
      client,
      `INSERT INTO governance_body (tenant_id, alliance_id, kind, name, description)
       SELECT $2, r.alliance_id, r.kind, r.name, r.description
       FROM jsonb_to_recordset($1::jsonb) AS r(alliance_id uuid, kind text, name text, description text)`,
      fresh.flatMap((a) => a.bodies.map((b) => ({ alliance_id: a.id, ...b }))),
      tenantId,
    );
    const agreements = fresh.flatMap((a) => a.agreements.map((g) => ({ alliance: a, agreement: g })));
    await insertRows(
      client,
      `INSERT INTO alliance_agreement (id, tenant_id, alliance_id, version, innovation_goals, ip_ownership, ip_licensing,
                                       ip_benefit_sharing, breach_liability, ip_on_dissolution, ip_on_member_exit,
                                       fund_management, fund_supervision, new_members_rule, external_cooperation,
                                       results_diffusion, created_at)
       SELECT r.id, $2, r.alliance_id, r.version, r.innovation_goals, r.ip_ownership, r.ip_licensing, r.ip_benefit_sharing,
              r.breach_liability, r.ip_on_dissolution, r.ip_on_member_exit, r.fund_management, r.fund_supervision,
              r.new_members_rule, r.external_cooperation, r.results_diffusion, r.created_at
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, alliance_id uuid, version integer, innovation_goals text,
              ip_ownership text, ip_licensing text, ip_benefit_sharing text, breach_liability text, ip_on_dissolution text, ip_on_member_exit text,
              fund_management text,
              fund_supervision text, new_members_rule text, external_cooperation text, results_diffusion text,
              created_at timestamptz)`,
      agreements.map(({ alliance, agreement: g }) => ({
        id: g.id,
        alliance_id: alliance.id,
        version: g.version,
        innovation_goals: g.innovationGoals,
        ip_ownership: g.ipOwnership,
        ip_licensing: g.ipLicensing,
        ip_benefit_sharing: g.ipBenefitSharing,
        breach_liability: g.breachLiability,
        ip_on_dissolution: g.ipOnDissolution,
        ip_on_member_exit: g.ipOnMemberExit,
        fund_management: g.fundManagement,
        fund_supervision: g.fundSupervision,
        new_members_rule: g.newMembersRule,
        external_cooperation: g.externalCooperation,
        results_diffusion: g.resultsDiffusion,
        created_at: g.createdAt,
      })),
      tenantId,
    );
    await insertRows(
      client,
      `INSERT INTO agreement_task (tenant_id, agreement_id, organization_id, task)
       SELECT $2, r.agreement_id, r.organization_id, r.task
       FROM jsonb_to_recordset($1::jsonb) AS r(agreement_id uuid, organization_id uuid, task text)`,
      agreements.flatMap(({ agreement: g }) =>
        g.tasks.map((t) => ({
          agreement_id: g.id,
          organization_id: organizationIdOf(t.organizationId),
          task: t.task,
        })),
      ),
      tenantId,
    );
    await insertRows(
      client,
      `INSERT INTO agreement_signature (tenant_id, agreement_id, organization_id, signatory_name, signed_on, recorded_at)
       SELECT $2, r.agreement_id, r.organization_id, r.signatory_name, r.signed_on, (r.signed_on + time '16:00') AT TIME ZONE 'Asia/Shanghai'
       FROM jsonb_to_recordset($1::jsonb) AS r(agreement_id uuid, organization_id uuid, signatory_name text, signed_on date)`,
      agreements.flatMap(({ agreement: g }) =>
        g.signatures.map((s) => ({
          agreement_id: g.id,
          organization_id: organizationIdOf(s.organizationId),
          signatory_name: s.signatoryName,
          signed_on: s.signedOn,
        })),
      ),
      tenantId,
    );
    await insertRows(
      client,
      `INSERT INTO alliance_output (id, tenant_id, alliance_id, year, kind, quantity, description, created_at)
       SELECT r.id, $2, r.alliance_id, r.year, r.kind, r.quantity, r.description, make_timestamptz(r.year + 1, 1, 15, 9, 0, 0, 'Asia/Shanghai')
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, alliance_id uuid, year integer, kind text, quantity integer,
                                                description text)`,
      fresh.flatMap((a) => a.outputs.map((o) => ({ alliance_id: a.id, ...o }))),
      tenantId,
    );
  }
  await client.query(`SELECT set_config('app.tenant_id', '', true), set_config('app.roles', '', true)`);
  return { alliances: alliancesAdded, organizations: organizationsAdded };
}
