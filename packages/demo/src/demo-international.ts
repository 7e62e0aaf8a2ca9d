import {
  baseEvaluationOutcome,
  baseEvaluationScheme,
  defaultCallDocuments,
  type MeasuresParameters,
  PROVINCE_CODE,
  type ProgrammeApplicationDossier,
  type ProgrammeApplicationForm,
  type ProgrammeDecisionBasis,
  programmeDefaults,
  type TaskContract,
  taskContractViolations,
} from '@xiangmeng/domain';
import { createHash } from 'node:crypto';
import type { Client } from 'pg';
import { demoId } from './demo-register.js';

// The international cooperation demo (Art. 16): the province's 2026 international cooperation
// programme, whose call has closed, with one project awarded to 株洲's rail alliance for joint
// R&D with a German institute (its agreement attached), a first tranche paid from its ledger; and
// one recognised international cooperation base in 株洲's register with its yearly evaluation; and the
// 2027 programme with its call open. So 国际合作项目, 国际合作基地 and 项目申报通知 show something on a
// fresh start.

export const DEMO_INTERNATIONAL_PROGRAMME = {
  name: '2026年度湖南省国际科技合作专项',
  year: 2026,
  // ¥10,000,000 in all, at most ¥3,000,000 a project.
  totalBudgetFen: '1000000000',
  perProjectCapFen: '300000000',
  callTitle: '关于组织申报2026年度湖南省国际科技合作专项的通知',
  opensAt: '2026-03-02T09:00:00+08:00',
  closesAt: '2026-04-30T17:00:00+08:00',
  recommendBy: '2026-05-22T17:00:00+08:00',
  decideBy: '2026-07-31T17:00:00+08:00',
} as const;

/** The 2027 programme, its call open now: where the browser story's application goes. */
export const DEMO_INTERNATIONAL_OPEN_PROGRAMME = {
  name: '2027年度湖南省国际科技合作专项',
  year: 2027,
  totalBudgetFen: '1500000000',
  perProjectCapFen: '300000000',
  callTitle: '关于组织申报2027年度湖南省国际科技合作专项的通知',
  opensAt: '2026-12-01T09:00:00+08:00',
  closesAt: '2027-02-26T17:00:00+08:00',
  recommendBy: '2027-03-19T17:00:00+08:00',
  decideBy: '2027-05-31T17:00:00+08:00',
} as const;

const CALL_DESCRIPTION =
  '根据第十六条，支持联盟组织成员单位承担国际科技合作项目：联合研发、技术引进、人才交流、共建基地。须附与外方签订的合作协议。';

type DemoProgramme = typeof DEMO_INTERNATIONAL_PROGRAMME | typeof DEMO_INTERNATIONAL_OPEN_PROGRAMME;

/** The programme and its published call, as the province's administrator; false when they were there already. */
async function programmeWithCall(
  client: Client,
  province: { id: string; adminId: string | null },
  inForce: { id: string; version_no: number; parameters: MeasuresParameters },
  p: DemoProgramme,
): Promise<boolean> {
  const programmeId = demoId(`programme:${p.name}`);
  const created = await client.query(
    `INSERT INTO programme (id, tenant_id, name, kind, year, total_budget_fen, per_project_cap_fen, measures_tenant_id,
                            measures_id, measures_version_no, criteria, award_notice_days, acceptance_notice_days,
                            status, published_at, created_by, updated_by)
     VALUES ($1, $2, $3, 'INTERNATIONAL_COOPERATION', $4, $5, $6, $2, $7, $8, $9, 0, 0, 'PUBLISHED', $10, $11, $11)
     ON CONFLICT DO NOTHING`,
    [
      programmeId,
      province.id,
      p.name,
      p.year,
      p.totalBudgetFen,
      p.perProjectCapFen,
      inForce.id,
      inForce.version_no,
      JSON.stringify(programmeDefaults(inForce.parameters).criteria),
      p.opensAt,
      province.adminId,
    ],
  );
  if (!created.rowCount) return false;
  await client.query(
    `INSERT INTO pilot_call (id, tenant_id, kind, programme_id, title, description, opens_at, closes_at, recommend_by,
                             decide_by, measures_tenant_id, measures_id, measures_version_no, required_documents,
                             status, published_at, version, created_by)
     VALUES ($1, $2, 'PROGRAMME', $3, $4, $5, $6, $7, $8, $9, $2, $10, $11, $12, 'PUBLISHED', $6, 1, $13)`,
    [
      demoId(`programme-call:${p.callTitle}`),
      province.id,
      programmeId,
      p.callTitle,
      CALL_DESCRIPTION,
      p.opensAt,
      p.closesAt,
      p.recommendBy,
      p.decideBy,
      inForce.id,
      inForce.version_no,
      defaultCallDocuments('INTERNATIONAL_COOPERATION'),
      province.adminId,
    ],
  );
  return true;
}

export const DEMO_INTERNATIONAL_PROJECT = {
  allianceName: '株洲轨道交通装备产业技术创新战略联盟',
  title: '轨道交通永磁牵引系统中德联合研发',
  partnerName: 'Fraunhofer-Institut für Verkehrs- und Infrastruktursysteme IVI',
  partnerCountry: 'DE',
  mode: 'JOINT_RESEARCH',
  agreementFile: '中德轨道交通牵引系统联合研发合作协议.pdf',
  submittedAt: '2026-04-20T10:00:00+08:00',
  recommendedAt: '2026-04-28T15:00:00+08:00',
  awardedAt: '2026-07-15T10:00:00+08:00',
  awardedOn: '2026-07-15',
  awardFen: '250000000',
  selfRaisedFen: '250000000',
  firstTranche: { amountFen: '100000000', entryOn: '2026-08-20', documentNumber: '湘财教指〔2026〕61号' },
} as const;

export const DEMO_COOPERATION_BASE = {
  name: '湖南中德轨道交通国际联合研究中心',
  type: 'JOINT_RESEARCH_CENTRE',
  level: 'PROVINCIAL',
  recognisedOn: '2025-06-18',
  recognitionFile: '湘科外〔2025〕12号 省级国际科技合作基地认定文件.pdf',
  // Scored by three experts on the bases' scheme (packages/domain cooperation-base.ts): 合格.
  evaluation: {
    year: 2025,
    evaluatedOn: '2026-03-20',
    remarks: '合作稳定，引进外方专家 3 人次',
    sheets: [
      {
        expertName: '周国强',
        scores: {
          cooperationResults: 86,
          technologyTransfer: 80,
          talentExchange: 84,
          management: 78,
          demonstration: 75,
        },
      },
      {
        expertName: '李慧敏',
        scores: {
          cooperationResults: 82,
          technologyTransfer: 78,
          talentExchange: 80,
          management: 80,
          demonstration: 72,
        },
      },
      {
        expertName: '王立新',
        scores: {
          cooperationResults: 88,
          technologyTransfer: 83,
          talentExchange: 79,
          management: 76,
          demonstration: 78,
        },
      },
    ],
  },
} as const;

type Member = { organizationId: string; name: string; role: string };

async function as(client: Client, tenantId: string, role: string, userId: string | null) {
  await client.query(
    `SELECT set_config('app.tenant_id', $1, true), set_config('app.roles', $2, true), set_config('app.user_id', $3, true)`,
    [tenantId, role, userId ?? ''],
  );
}

async function tenant(client: Client, code: string): Promise<{ id: string; adminId: string | null }> {
  const { rows } = await client.query<{ id: string }>('SELECT id FROM tenant WHERE code = $1', [code]);
  const id = rows[0]!.id;
  await as(client, id, code === PROVINCE_CODE ? 'PROVINCE_ADMIN' : 'CITY_ADMIN', null);
  const { rows: admins } = await client.query<{ id: string }>(
    `SELECT id FROM app_user WHERE tenant_id = $1 AND username = 'admin'`,
    [id],
  );
  return { id, adminId: admins[0]?.id ?? null };
}

/** A document row of the alliance: the demo keeps no file content behind it, only its record. */
async function demoDocument(
  client: Client,
  tenantId: string,
  allianceId: string,
  fileName: string,
): Promise<string> {
  const id = demoId(`document:${fileName}`);
  await client.query(
    `INSERT INTO document (id, tenant_id, alliance_id, kind, file_name, media_type, size_bytes, sha256, storage_key)
     VALUES ($1, $2, $3, 'ATTACHMENT', $4, 'application/pdf', 1, $5, $6) ON CONFLICT DO NOTHING`,
    [id, tenantId, allianceId, fileName, createHash('sha256').update(fileName).digest(), `demo/${id}`],
  );
  return id;
}

/**
 * Writes the international demo in the caller's transaction, each row as its tenant's
 * administrator (row-level security checks every row). A second run writes nothing.
 */
export async function seedDemoInternational(client: Client): Promise<{ projects: number; bases: number }> {
  const province = await tenant(client, PROVINCE_CODE);
  const { rows: measures } = await client.query<{
    id: string;
    version_no: number;
    parameters: MeasuresParameters;
  }>(
    `SELECT id, version_no, parameters FROM measures
      WHERE tenant_id = $1 AND status = 'PUBLISHED' AND effective_on <= $2
      ORDER BY effective_on DESC, version_no DESC LIMIT 1`,
    [province.id, DEMO_INTERNATIONAL_PROJECT.awardedOn],
  );
  const inForce = measures[0];
  if (!inForce) throw new Error('no provincial measures in force for the international demo');
  await programmeWithCall(client, province, inForce, DEMO_INTERNATIONAL_OPEN_PROGRAMME);
  if (!(await programmeWithCall(client, province, inForce, DEMO_INTERNATIONAL_PROGRAMME)))
    return { projects: 0, bases: 0 };
  const p = DEMO_INTERNATIONAL_PROGRAMME;
  const programmeId = demoId(`programme:${p.name}`);
  const callId = demoId(`programme-call:${p.callTitle}`);
  const requiredDocuments = defaultCallDocuments('INTERNATIONAL_COOPERATION');

  // The application: 株洲's, entered by its bureau for the alliance, frozen at submission.
  const zhuzhou = await tenant(client, '430200');
  const d = DEMO_INTERNATIONAL_PROJECT;
  const { rows: alliances } = await client.query<{ id: string; pilot_status: string }>(
    'SELECT id, pilot_status FROM alliance WHERE tenant_id = $1 AND name = $2',
    [zhuzhou.id, d.allianceName],
  );
  const alliance = alliances[0];
  if (!alliance) throw new Error(`${d.allianceName} is not in the demo register`);
  const { rows: members } = await client.query<Member>(
    `SELECT m.organization_id AS "organizationId", o.name, m.role FROM alliance_member m
       JOIN organization o ON o.id = m.organization_id
      WHERE m.tenant_id = $1 AND m.alliance_id = $2 AND m.joined_on <= $3 AND (m.exited_on IS NULL OR m.exited_on > $3)
      ORDER BY (m.role = 'CHAIR') DESC, m.joined_on, o.name`,
    [zhuzhou.id, alliance.id, d.awardedOn],
  );
  const [chair, second, third] = members;
  if (!chair || chair.role !== 'CHAIR' || !second || !third)
    throw new Error(`${d.allianceName} lacks its members`);
  const unit = { organizationId: chair.organizationId, name: chair.name };
  const participants = [
    { ...unit, task: '牵引系统总体设计、样机集成与装车试验' },
    { organizationId: second.organizationId, name: second.name, task: '永磁电机电磁设计与热管理' },
    { organizationId: third.organizationId, name: third.name, task: '控制算法与可靠性评价' },
  ];
  const ipTerms = {
    ownership: '中方单位完成的成果归中方承担单位所有；与外方共同完成的按合作协议约定共有',
    licensing: '中方享有的知识产权优先许可省内单位实施',
    benefitShares: [
      { ...unit, basisPoints: 6000 },
      { organizationId: second.organizationId, name: second.name, basisPoints: 2500 },
      { organizationId: third.organizationId, name: third.name, basisPoints: 1500 },
    ],
    onDissolution: '联盟解散时由承担单位继续持有并履行许可义务',
    onMemberExit: '退出成员保留已取得份额，其余成员可继续无偿实施',
  };
  const agreementId = await demoDocument(client, zhuzhou.id, alliance.id, d.agreementFile);
  const form: ProgrammeApplicationForm = {
    title: d.title,
    startOn: '2026-08-01',
    endOn: '2028-07-31',
    requestedSupportFen: d.awardFen,
    responsibleUnit: unit,
    responsiblePerson: '周建华',
    participants,
    ipTerms,
    sections: {
      cooperationBasis:
        '双方自 2022 年起开展牵引变流器可靠性联合研究，外方在永磁同步牵引与能量管理方面居国际前列。',
      objectives: '联合研发 3 MW 级永磁同步牵引系统，完成样机与装车试验。',
      schedule: '2026 年方案设计；2027 年样机研制；2028 年装车试验与验收。',
      expectedResults: '样机 2 台，联合申请发明专利 5 项，培养青年骨干 10 人。',
    },
    particulars: { partnerName: d.partnerName, partnerCountry: d.partnerCountry, mode: d.mode },
    documentKinds: ['INTERNATIONAL_AGREEMENT'],
  };
  const contract: TaskContract = {
    title: d.title,
    startOn: form.startOn,
    endOn: form.endOn,
    targets: '研制 3 MW 级永磁同步牵引系统样机并完成装车试验，形成中德联合研发平台。',
    indicators: [
      { name: '发明专利申请', target: '5 项' },
      { name: '样机', target: '2 台' },
    ],
    milestones: [
      { title: '完成样机研制', dueOn: '2027-12-31' },
      { title: '完成装车试验', dueOn: '2028-06-30' },
    ],
    responsibleUnit: unit,
    responsiblePerson: form.responsiblePerson,
    participants,
    ipTerms,
    budget: {
      totalFen: String(BigInt(d.awardFen) + BigInt(d.selfRaisedFen)),
      lines: [
        { source: 'PROVINCIAL_SUPPORT', amountFen: d.awardFen, purpose: '设备、材料与国际合作交流' },
        { source: 'SELF_RAISED', amountFen: d.selfRaisedFen, purpose: '人员与试验' },
      ],
    },
  };
  const problems = taskContractViolations(contract, {
    awardFen: d.awardFen,
    authorityLevel: 'PROVINCE',
    responsibleUnit: unit,
  });
  if (problems.length) throw new Error(`demo task contract: ${problems.map((v) => v.field).join(', ')}`);
  const dossier: ProgrammeApplicationDossier = {
    asOf: d.submittedAt.slice(0, 10),
    programme: {
      id: programmeId,
      tenantId: province.id,
      kind: 'INTERNATIONAL_COOPERATION',
      name: p.name,
      year: p.year,
      perProjectCapFen: p.perProjectCapFen,
      criteria: programmeDefaults(inForce.parameters).criteria,
    },
    call: { id: callId, notice: p.callTitle, requiredDocuments },
    alliance: {
      id: alliance.id,
      tenantId: zhuzhou.id,
      name: d.allianceName,
      pilotStatus: alliance.pilot_status as ProgrammeApplicationDossier['alliance']['pilotStatus'],
      nationalPilot: false,
    },
    measures: { id: inForce.id, tenantId: province.id, versionNo: inForce.version_no },
    form,
    agreement: null,
    priorInvestments: [],
  };
  const basis: ProgrammeDecisionBasis = {
    reason: '经专家评审，同意立项支持中德联合研发',
    awardFen: d.awardFen,
    verifiedInvestmentFen: '0',
    matchRatio: null,
    supportCeilingFen: null,
    reviewTotal: null,
    passes: null,
  };
  const applicationId = demoId(`programme-application:${d.title}`);
  await client.query(
    `INSERT INTO programme_application (id, tenant_id, alliance_id, call_id, programme_id, authority_tenant_id,
        recommending_tenant_id, state, form, requested_support_fen, dossier, member_organization_ids, submitted_at,
        recommended_at, recommendation_opinion, accepted_at, review_started_at, reviewed_at, decided_at,
        decision_reason, decision_basis, award_fen, task_contract, created_by, submitted_by, recommended_by)
     VALUES ($1, $2, $3, $4, $5, $6, $2, 'AWARDED', $7, $8, $9, $10, $11, $12, '同意推荐', $12, $12, $13, $13,
             $14, $15, $8, $16, $17, $17, $17)`,
    [
      applicationId,
      zhuzhou.id,
      alliance.id,
      callId,
      programmeId,
      province.id,
      JSON.stringify(form),
      d.awardFen,
      JSON.stringify(dossier),
      members.map((m) => m.organizationId),
      d.submittedAt,
      d.recommendedAt,
      d.awardedAt,
      basis.reason,
      JSON.stringify(basis),
      JSON.stringify(contract),
      zhuzhou.adminId,
    ],
  );
  await client.query(
    `INSERT INTO programme_application_document (tenant_id, application_id, document_id, kind)
     VALUES ($1, $2, $3, 'INTERNATIONAL_AGREEMENT')`,
    [zhuzhou.id, applicationId, agreementId],
  );

  // The project the award opened, the province's, and its first tranche.
  await as(client, province.id, 'PROVINCE_ADMIN', province.adminId);
  const projectId = demoId(`project:${d.title}`);
  await client.query(
    `INSERT INTO project (id, tenant_id, alliance_tenant_id, programme_id, application_id, alliance_id, title, award_fen,
                          support_source, awarded_on, dossier, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'PROVINCIAL_SUPPORT', $9, $10, $11)`,
    [
      projectId,
      province.id,
      zhuzhou.id,
      programmeId,
      applicationId,
      alliance.id,
      d.title,
      d.awardFen,
      d.awardedOn,
      JSON.stringify(contract),
      province.adminId,
    ],
  );
  await client.query(
    `INSERT INTO project_ledger_entry (tenant_id, project_id, kind, amount_fen, entry_on, document_number)
     VALUES ($1, $2, 'DISBURSEMENT', $3, $4, $5)`,
    [province.id, projectId, d.firstTranche.amountFen, d.firstTranche.entryOn, d.firstTranche.documentNumber],
  );

  // The base, in 株洲's register, hosted by the alliance's chair unit.
  await as(client, zhuzhou.id, 'CITY_ADMIN', zhuzhou.adminId);
  const b = DEMO_COOPERATION_BASE;
  const baseId = demoId(`cooperation-base:${b.name}`);
  await client.query(
    `INSERT INTO cooperation_base (id, tenant_id, alliance_id, host_organization_id, name, type, level, status,
                                   recognised_on, recognition_document_id, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'RECOGNISED', $8, $9, $10)`,
    [
      baseId,
      zhuzhou.id,
      alliance.id,
      chair.organizationId,
      b.name,
      b.type,
      b.level,
      b.recognisedOn,
      await demoDocument(client, zhuzhou.id, alliance.id, b.recognitionFile),
      zhuzhou.adminId,
    ],
  );
  const outcome = baseEvaluationOutcome(
    { status: 'RECOGNISED', type: b.type },
    b.evaluation.sheets,
    b.evaluation.evaluatedOn,
  );
  await client.query(
    `INSERT INTO cooperation_base_evaluation (tenant_id, base_id, year, evaluated_on, scheme, sheets, total, grade,
                                             status_before, status_after, remarks, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'RECOGNISED', $9, $10, $11)`,
    [
      zhuzhou.id,
      baseId,
      b.evaluation.year,
      b.evaluation.evaluatedOn,
      JSON.stringify(baseEvaluationScheme(b.type)),
      JSON.stringify(b.evaluation.sheets),
      outcome.total.toFixed(2),
      outcome.grade,
      outcome.statusAfter,
      b.evaluation.remarks,
      zhuzhou.adminId,
    ],
  );
  return { projects: 1, bases: 1 };
}
