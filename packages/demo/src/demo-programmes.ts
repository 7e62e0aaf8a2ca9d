import {
  debarmentUntil,
  defaultCallDocuments,
  type MeasuresParameters,
  PROVINCE_CODE,
  programmeDefaults,
} from '@xiangmeng/domain';
import type { Client } from 'pg';
import { seedDemoProjects } from './demo-projects.js';
import { demoId } from './demo-register.js';

// The support programmes demo (Art. 14, 20): the province's 2027 plan-project programme with its
// call open for applications, and one decision on the debarment register, so 支持计划, 项目申报通知
// and 禁入名单 show something on a fresh start.

export const DEMO_PROGRAMME = {
  name: '2027年度湖南省产业技术创新战略联盟计划项目',
  kind: 'PLAN_PROJECT',
  year: 2027,
  // ¥30,000,000 in all, at most ¥5,000,000 a project.
  totalBudgetFen: '3000000000',
  perProjectCapFen: '500000000',
} as const;

export const DEMO_PROGRAMME_CALL = {
  title: '关于组织申报2027年度湖南省产业技术创新战略联盟计划项目的通知',
  description: [
    '根据《湖南省产业技术创新战略联盟建设与发展管理办法》第十四条，省科技厅在联盟先行投入的基础上，以省级科技计划项目支持省级试点联盟开展重大技术创新活动。',
    '申报单位为联盟理事长单位，须提交理事长单位承诺书，申请书应明确知识产权归属、许可实施、收益分配及联盟解散、成员退出时的处理方案。',
    '申请支持金额不超过经核定先行投入的规定比例，且单个项目不超过500万元。',
  ].join('\n'),
  // China time.
  opensAt: '2026-12-01T09:00:00+08:00',
  closesAt: '2027-02-26T17:00:00+08:00',
  recommendBy: '2027-03-19T17:00:00+08:00',
  decideBy: '2027-04-30T17:00:00+08:00',
} as const;

export const DEMO_DEBARMENT = {
  organizationName: '深圳南山智能传感技术有限公司',
  reason: '承担省级计划项目期间，违反项目任务书的知识产权约定，擅自将共有专利独占许可省外企业实施。',
  article: '第二十条第（二）项',
  decisionDocument: '湘科函〔2026〕88号',
  fromDate: '2026-09-16',
  evidence: '项目验收审计报告；专利独占实施许可合同备案证明；联盟理事会关于该事项的书面说明。',
} as const;

/**
 * Writes the programmes demo in the caller's transaction as the province's administrator (row-level
 * security checks every row). What is already there is left alone, so a second run writes nothing.
 */
export async function seedDemoProgrammes(
  client: Client,
): Promise<{ programmes: number; debarments: number; projects: number }> {
  const { rows: tenants } = await client.query<{ id: string }>('SELECT id FROM tenant WHERE code = $1', [
    PROVINCE_CODE,
  ]);
  const provinceId = tenants[0]!.id;
  const { rows: admins } = await client.query<{ id: string }>(
    `SELECT id FROM app_user WHERE tenant_id = $1 AND username = 'admin'`,
    [provinceId],
  );
  const adminId = admins[0]?.id ?? null;
  await client.query(
    `SELECT set_config('app.tenant_id', $1, true), set_config('app.roles', 'PROVINCE_ADMIN', true),
            set_config('app.user_id', $2, true)`,
    [provinceId, adminId ?? ''],
  );
  const { rows: measures } = await client.query<{
    id: string;
    version_no: number;
    parameters: MeasuresParameters;
  }>(
    `SELECT id, version_no, parameters FROM measures
      WHERE tenant_id = $1 AND status = 'PUBLISHED' AND effective_on <= $2
      ORDER BY effective_on DESC, version_no DESC LIMIT 1`,
    [provinceId, DEMO_DEBARMENT.fromDate],
  );
  const inForce = measures[0];
  if (!inForce) throw new Error('no provincial measures in force for the programmes demo');

  const programmeId = demoId(`programme:${DEMO_PROGRAMME.name}`);
  const programme = await client.query(
    `INSERT INTO programme (id, tenant_id, name, kind, year, total_budget_fen, per_project_cap_fen, measures_tenant_id,
                            measures_id, measures_version_no, criteria, award_notice_days, acceptance_notice_days,
                            status, published_at, created_by, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $2, $8, $9, $10, 0, 0, 'PUBLISHED', $11, $12, $12)
     ON CONFLICT DO NOTHING`,
    [
      programmeId,
      provinceId,
      DEMO_PROGRAMME.name,
      DEMO_PROGRAMME.kind,
      DEMO_PROGRAMME.year,
      DEMO_PROGRAMME.totalBudgetFen,
      DEMO_PROGRAMME.perProjectCapFen,
      inForce.id,
      inForce.version_no,
      // The measures' own criteria and weights; no award notice (PUBLICISE is not built yet).
      JSON.stringify(programmeDefaults(inForce.parameters).criteria),
      DEMO_PROGRAMME_CALL.opensAt,
      adminId,
    ],
  );
  if (programme.rowCount) {
    await client.query(
      `INSERT INTO pilot_call (id, tenant_id, kind, programme_id, title, description, opens_at, closes_at, recommend_by,
                               decide_by, measures_tenant_id, measures_id, measures_version_no, required_documents,
                               status, published_at, version, created_by)
       VALUES ($1, $2, 'PROGRAMME', $3, $4, $5, $6, $7, $8, $9, $2, $10, $11, $12, 'PUBLISHED', $6, 1, $13)`,
      [
        demoId(`programme-call:${DEMO_PROGRAMME_CALL.title}`),
        provinceId,
        programmeId,
        DEMO_PROGRAMME_CALL.title,
        DEMO_PROGRAMME_CALL.description,
        DEMO_PROGRAMME_CALL.opensAt,
        DEMO_PROGRAMME_CALL.closesAt,
        DEMO_PROGRAMME_CALL.recommendBy,
        DEMO_PROGRAMME_CALL.decideBy,
        inForce.id,
        inForce.version_no,
        defaultCallDocuments(DEMO_PROGRAMME.kind),
        adminId,
      ],
    );
  }

  const { rows: organizations } = await client.query<{ id: string }>(
    'SELECT id FROM organization WHERE name = $1',
    [DEMO_DEBARMENT.organizationName],
  );
  const organizationId = organizations[0]?.id;
  if (!organizationId) throw new Error(`${DEMO_DEBARMENT.organizationName} is not in the demo directory`);
  const years = inForce.parameters.ip.debarmentYears;
  const debarmentId = demoId(`debarment:${DEMO_DEBARMENT.decisionDocument}`);
  const debarment = await client.query(
    `INSERT INTO debarment (id, tenant_id, organization_id, reason, article, decision_document, from_date, until_date,
                            debarment_years, measures_tenant_id, measures_id, measures_version_no)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $2, $10, $11)
     ON CONFLICT DO NOTHING`,
    [
      debarmentId,
      provinceId,
      organizationId,
      DEMO_DEBARMENT.reason,
      DEMO_DEBARMENT.article,
      DEMO_DEBARMENT.decisionDocument,
      DEMO_DEBARMENT.fromDate,
      debarmentUntil(DEMO_DEBARMENT.fromDate, years),
      years,
      inForce.id,
      inForce.version_no,
    ],
  );
  if (debarment.rowCount && adminId) {
    await client.query(
      `INSERT INTO debarment_evidence (tenant_id, debarment_id, evidence, recorded_by) VALUES ($1, $2, $3, $4)`,
      [provinceId, debarmentId, DEMO_DEBARMENT.evidence, adminId],
    );
  }
  const { projects } = await seedDemoProjects(client, { id: provinceId, adminId, measures: inForce });
  return { programmes: programme.rowCount ?? 0, debarments: debarment.rowCount ?? 0, projects };
}
