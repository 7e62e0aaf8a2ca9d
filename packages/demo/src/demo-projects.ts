import {
  defaultCallDocuments,
  type MeasuresParameters,
  programmeDefaults,
  supportCeilingFen,
  type TaskContract,
} from '@xiangmeng/domain';
import type { Client } from 'pg';
import { demoId } from './demo-register.js';

// Projects in progress with their money (Art. 14, 18): the province's 2026 plan-project programme,
// decided last summer, awarded two provincial pilots (one in 长沙, one in 湘潭) on their verified
// prior investment; each project runs under its task contract with budget lines by source and has
// had one or two tranches paid. Balances are read from the ledger, as everywhere. A third
// provincial pilot, in 株洲, has no project yet: it is the one to apply to the 2027 programme.

const YUAN = (yuan: number) => String(yuan * 100);

export const DEMO_PAST_PROGRAMME = {
  name: '2026年度湖南省产业技术创新战略联盟计划项目',
  kind: 'PLAN_PROJECT',
  year: 2026,
  totalBudgetFen: YUAN(20_000_000),
  perProjectCapFen: YUAN(5_000_000),
  call: {
    title: '关于组织申报2026年度湖南省产业技术创新战略联盟计划项目的通知',
    description:
      '省科技厅在联盟先行投入的基础上，以省级科技计划项目支持省级试点联盟开展重大技术创新活动（第十四条）。',
    opensAt: '2026-03-02T09:00:00+08:00',
    closesAt: '2026-04-30T17:00:00+08:00',
    recommendBy: '2026-05-22T17:00:00+08:00',
    decideBy: '2026-06-30T17:00:00+08:00',
  },
  decidedAt: '2026-06-26T10:00:00+08:00',
  awardedOn: '2026-06-26',
} as const;

type DemoTranche = { on: string; amountFen: string; documentNumber: string };

export type DemoProject = {
  allianceName: string;
  tenantCode: string;
  pilotSince: string;
  title: string;
  targets: string;
  responsiblePerson: string;
  declaredFen: string;
  verifiedFen: string;
  awardFen: string;
  cityMatchingFen: string;
  selfRaisedFen: string;
  tranches: DemoTranche[];
};

export const DEMO_PROJECTS: readonly DemoProject[] = [
  {
    allianceName: '长沙新一代人工智能产业技术创新战略联盟',
    tenantCode: '430100',
    pilotSince: '2025-11-20',
    title: '工业视觉检测大模型及其在装备制造中的示范应用',
    targets: '研制面向装备制造的工业视觉检测模型，在三条产线完成示范应用，漏检率低于千分之一。',
    responsiblePerson: '周建华',
    declaredFen: YUAN(8_000_000),
    verifiedFen: YUAN(6_000_000),
    awardFen: YUAN(4_000_000),
    cityMatchingFen: YUAN(1_000_000),
    selfRaisedFen: YUAN(3_000_000),
    tranches: [
      { on: '2026-07-15', amountFen: YUAN(2_000_000), documentNumber: '湘财教指〔2026〕41号' },
      { on: '2026-11-20', amountFen: YUAN(1_000_000), documentNumber: '湘财教指〔2026〕97号' },
    ],
  },
  {
    allianceName: '湘潭先进钢铁材料产业技术创新战略联盟',
    tenantCode: '430300',
    pilotSince: '2025-11-20',
    title: '高强耐蚀桥梁钢及其焊接材料研制与示范应用',
    targets: '研制屈服强度 500MPa 级耐候桥梁钢及配套焊材，完成一座示范桥梁应用。',
    responsiblePerson: '刘志强',
    declaredFen: YUAN(5_000_000),
    verifiedFen: YUAN(4_000_000),
    awardFen: YUAN(3_000_000),
    cityMatchingFen: '0',
    selfRaisedFen: YUAN(1_500_000),
    tranches: [{ on: '2026-07-15', amountFen: YUAN(1_500_000), documentNumber: '湘财教指〔2026〕41号' }],
  },
];

/** A provincial pilot without a project or prior investment yet (the 2027 programme's applicant). */
export const DEMO_PILOT_WITHOUT_PROJECT = {
  allianceName: '株洲航空动力产业技术创新战略联盟',
  tenantCode: '430200',
  pilotSince: '2025-11-20',
} as const;

type Tenant = { id: string; adminId: string | null };

async function tenantOf(client: Client, code: string): Promise<Tenant> {
  const { rows } = await client.query<{ id: string; admin_id: string | null }>(
    `SELECT t.id, (SELECT u.id FROM app_user u WHERE u.tenant_id = t.id AND u.username = 'admin') AS admin_id
       FROM tenant t WHERE t.code = $1`,
    [code],
  );
  if (!rows[0]) throw new Error(`unknown tenant ${code}`);
  return { id: rows[0].id, adminId: rows[0].admin_id };
}

async function actAs(client: Client, tenant: Tenant, role: 'PROVINCE_ADMIN' | 'CITY_ADMIN'): Promise<void> {
  await client.query(
    `SELECT set_config('app.tenant_id', $1, true), set_config('app.roles', $2, true),
            set_config('app.user_id', $3, true)`,
    [tenant.id, role, tenant.adminId ?? ''],
  );
}

/**
 * Writes the 2026 programme, its two awards and their projects with tranches, each row as the
 * tenant that owns it (row-level security checks every row). A second run writes nothing.
 */
export async function seedDemoProjects(
  client: Client,
  province: Tenant & { measures: { id: string; version_no: number; parameters: MeasuresParameters } },
): Promise<{ projects: number }> {
  const p = DEMO_PAST_PROGRAMME;
  const programmeId = demoId(`programme:${p.name}`);
  const callId = demoId(`programme-call:${p.call.title}`);
  await actAs(client, province, 'PROVINCE_ADMIN');
  const programme = await client.query(
    `INSERT INTO programme (id, tenant_id, name, kind, year, total_budget_fen, per_project_cap_fen, measures_tenant_id,
                            measures_id, measures_version_no, criteria, award_notice_days, acceptance_notice_days,
                            status, published_at, created_by, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $2, $8, $9, $10, 0, 0, 'PUBLISHED', $11, $12, $12)
     ON CONFLICT DO NOTHING`,
    [
      programmeId,
      province.id,
      p.name,
      p.kind,
      p.year,
      p.totalBudgetFen,
      p.perProjectCapFen,
      province.measures.id,
      province.measures.version_no,
      JSON.stringify(programmeDefaults(province.measures.parameters).criteria),
      p.call.opensAt,
      province.adminId,
    ],
  );
  if (!programme.rowCount) return { projects: 0 };
  {
    const city = await tenantOf(client, DEMO_PILOT_WITHOUT_PROJECT.tenantCode);
    await actAs(client, city, 'CITY_ADMIN');
    const pilot = await client.query(
      `UPDATE alliance SET pilot_status = 'PROVINCIAL_PILOT', pilot_since = $3 WHERE tenant_id = $1 AND name = $2`,
      [city.id, DEMO_PILOT_WITHOUT_PROJECT.allianceName, DEMO_PILOT_WITHOUT_PROJECT.pilotSince],
    );
    if (pilot.rowCount !== 1)
      throw new Error(`${DEMO_PILOT_WITHOUT_PROJECT.allianceName} is not in the demo register`);
    await actAs(client, province, 'PROVINCE_ADMIN');
  }
  await client.query(
    `INSERT INTO pilot_call (id, tenant_id, kind, programme_id, title, description, opens_at, closes_at, recommend_by,
                             decide_by, measures_tenant_id, measures_id, measures_version_no, required_documents,
                             status, published_at, version, created_by)
     VALUES ($1, $2, 'PROGRAMME', $3, $4, $5, $6, $7, $8, $9, $2, $10, $11, $12, 'PUBLISHED', $6, 1, $13)`,
    [
      callId,
      province.id,
      programmeId,
      p.call.title,
      p.call.description,
      p.call.opensAt,
      p.call.closesAt,
      p.call.recommendBy,
      p.call.decideBy,
      province.measures.id,
      province.measures.version_no,
      defaultCallDocuments(p.kind),
      province.adminId,
    ],
  );

  const ratio = province.measures.parameters;
  for (const d of DEMO_PROJECTS) {
    const city = await tenantOf(client, d.tenantCode);
    await actAs(client, city, 'CITY_ADMIN');
    const { rows: alliances } = await client.query<{ id: string }>(
      `SELECT id FROM alliance WHERE tenant_id = $1 AND name = $2`,
      [city.id, d.allianceName],
    );
    const allianceId = alliances[0]?.id;
    if (!allianceId) throw new Error(`${d.allianceName} is not in the demo register`);
    const { rows: members } = await client.query<{ id: string; name: string; role: string }>(
      `SELECT o.id, o.name, m.role FROM alliance_member m JOIN organization o ON o.id = m.organization_id
        WHERE m.tenant_id = $1 AND m.alliance_id = $2 AND m.exited_on IS NULL
        ORDER BY m.role = 'CHAIR' DESC, o.name LIMIT 2`,
      [city.id, allianceId],
    );
    const [chair, partner] = members;
    if (chair?.role !== 'CHAIR' || !partner) throw new Error(`${d.allianceName} needs a chair and a partner`);
    // A provincial pilot (Art. 9, 14): what the province's plan projects support.
    await client.query(
      `UPDATE alliance SET pilot_status = 'PROVINCIAL_PILOT', pilot_since = $2 WHERE tenant_id = $1 AND id = $3`,
      [city.id, d.pilotSince, allianceId],
    );
    const investment = {
      description: `${d.allianceName}共性技术平台建设先行投入（设备购置与研发人员费用）`,
      declaredFen: d.declaredFen,
      evidenceDocumentCount: 0,
      verification: {
        verifiedFen: d.verifiedFen,
        reason: '部分设备购置发票晚于申报截止日，不予认定',
        verifiedOn: '2026-05-28',
      },
    };
    // Declared by the home bureau, verified by the province (less than declared, with the reason).
    const investmentId = demoId(`prior-investment:${d.allianceName}:2026`);
    await client.query(
      `INSERT INTO prior_investment (id, tenant_id, alliance_id, authority_tenant_id, description, declared_fen,
                                     declared_at, declared_by)
       VALUES ($1, $2, $3, $4, $5, $6, '2026-03-20T10:00:00+08:00', $7)`,
      [investmentId, city.id, allianceId, province.id, investment.description, d.declaredFen, city.adminId],
    );
    await actAs(client, province, 'PROVINCE_ADMIN');
    await client.query(
      `UPDATE prior_investment SET verified_fen = $3, verification_reason = $4, verified_on = '2026-05-28',
              verified_at = '2026-05-28T15:00:00+08:00', verified_by = $5
        WHERE tenant_id = $1 AND id = $2`,
      [city.id, investmentId, d.verifiedFen, investment.verification.reason, province.adminId],
    );
    await actAs(client, city, 'CITY_ADMIN');
    const participants = [
      { organizationId: chair.id, name: chair.name, task: '项目总体设计、关键工艺攻关与产业化示范' },
      { organizationId: partner.id, name: partner.name, task: '材料与工艺试验验证' },
    ];
    const ipTerms = {
      ownership: '项目产生的知识产权归完成单位所有，合作完成的由合作各方共有。',
      licensing: '优先许可省内联盟成员单位实施，并向省内其他单位有偿或无偿许可。',
      benefitShares: [
        { organizationId: chair.id, name: chair.name, basisPoints: 6000 },
        { organizationId: partner.id, name: partner.name, basisPoints: 4000 },
      ],
      onDissolution: '联盟解散时，共有知识产权按收益分配比例由各方继续享有，许可合同继续有效。',
      onMemberExit: '成员退出时，其已取得的知识产权份额保留，但须继续履行对省内单位的许可义务。',
    };
    const totalFen = String(BigInt(d.awardFen) + BigInt(d.cityMatchingFen) + BigInt(d.selfRaisedFen));
    const contract: TaskContract = {
      title: d.title,
      startOn: '2026-07-01',
      endOn: '2028-06-30',
      targets: d.targets,
      indicators: [
        { name: '发明专利申请', target: '8 项' },
        { name: '示范应用', target: '1 项' },
      ],
      milestones: [
        { title: '完成关键工艺试验', dueOn: '2027-06-30' },
        { title: '完成示范应用与验收准备', dueOn: '2028-06-30' },
      ],
      responsibleUnit: { organizationId: chair.id, name: chair.name },
      responsiblePerson: d.responsiblePerson,
      participants,
      ipTerms,
      budget: {
        totalFen,
        lines: [
          { source: 'PROVINCIAL_SUPPORT' as const, amountFen: d.awardFen, purpose: '设备、材料与测试化验' },
          ...(d.cityMatchingFen !== '0'
            ? [{ source: 'CITY_MATCHING' as const, amountFen: d.cityMatchingFen, purpose: '中试线配套' }]
            : []),
          { source: 'SELF_RAISED' as const, amountFen: d.selfRaisedFen, purpose: '人员与示范应用' },
        ],
      },
    };
    const form = {
      title: d.title,
      startOn: contract.startOn,
      endOn: contract.endOn,
      requestedSupportFen: d.awardFen,
      responsibleUnit: contract.responsibleUnit,
      responsiblePerson: d.responsiblePerson,
      participants,
      ipTerms,
      sections: {},
      documentKinds: defaultCallDocuments(p.kind),
    };
    const applicationId = demoId(`programme-application:${p.name}:${d.allianceName}`);
    await client.query(
      `INSERT INTO programme_application (id, tenant_id, alliance_id, call_id, programme_id, authority_tenant_id,
              recommending_tenant_id, state, version, form, requested_support_fen, dossier, member_organization_ids,
              submitted_at, submitted_by, recommended_at, recommended_by, recommendation_opinion, accepted_at,
              review_started_at, reviewed_at, decided_at, decided_by, decision_reason, decision_basis, award_fen,
              task_contract, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $2, 'AWARDED', 8, $7, $8, $9, $10,
               '2026-04-20T10:00:00+08:00', $11, '2026-05-15T10:00:00+08:00', $11, '同意推荐', '2026-05-25T10:00:00+08:00',
               '2026-06-01T10:00:00+08:00', '2026-06-12T10:00:00+08:00', $12, $13, $14, $15, $8, $16, $11)`,
      [
        applicationId,
        city.id,
        allianceId,
        callId,
        programmeId,
        province.id,
        JSON.stringify(form),
        d.awardFen,
        JSON.stringify({
          asOf: '2026-04-20',
          programme: {
            id: programmeId,
            tenantId: province.id,
            kind: p.kind,
            name: p.name,
            year: p.year,
            perProjectCapFen: p.perProjectCapFen,
          },
          call: { id: callId, notice: p.call.title, requiredDocuments: defaultCallDocuments(p.kind) },
          alliance: {
            id: allianceId,
            tenantId: city.id,
            name: d.allianceName,
            pilotStatus: 'PROVINCIAL_PILOT',
            nationalPilot: false,
          },
          measures: {
            id: province.measures.id,
            tenantId: province.id,
            versionNo: province.measures.version_no,
          },
          form,
          agreement: null,
          priorInvestments: [investment],
        }),
        members.map((m) => m.id),
        city.adminId,
        p.decidedAt,
        province.adminId,
        '经专家评审，同意立项支持',
        JSON.stringify({
          reason: '经专家评审，同意立项支持',
          awardFen: d.awardFen,
          verifiedInvestmentFen: d.verifiedFen,
          matchRatio: ratio.support.matchRatio,
          supportCeilingFen: supportCeilingFen(d.verifiedFen, ratio.support.matchRatio),
          reviewTotal: null,
          passes: true,
        }),
        JSON.stringify(contract),
      ],
    );
    await actAs(client, province, 'PROVINCE_ADMIN');
    const projectId = demoId(`project:${p.name}:${d.allianceName}`);
    await client.query(
      `INSERT INTO project (id, tenant_id, alliance_tenant_id, programme_id, application_id, alliance_id, title,
                            award_fen, support_source, awarded_on, dossier, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'PROVINCIAL_SUPPORT', $9, $10, $11, $12)`,
      [
        projectId,
        province.id,
        city.id,
        programmeId,
        applicationId,
        allianceId,
        d.title,
        d.awardFen,
        p.awardedOn,
        JSON.stringify(contract),
        p.decidedAt,
        province.adminId,
      ],
    );
    for (const [i, t] of d.tranches.entries())
      await client.query(
        `INSERT INTO project_ledger_entry (id, tenant_id, project_id, kind, amount_fen, entry_on, document_number,
                                           note, recorded_by, recorded_at)
         VALUES ($1, $2, $3, 'DISBURSEMENT', $4, $5, $6, $7, $8, $9)`,
        [
          demoId(`ledger:${projectId}:${i}`),
          province.id,
          projectId,
          t.amountFen,
          t.on,
          t.documentNumber,
          `第${i + 1}笔拨付`,
          province.adminId,
          `${t.on}T16:00:00+08:00`,
        ],
      );
  }
  return { projects: DEMO_PROJECTS.length };
}
