import type { Client } from 'pg';
import { demoCreditCode, demoId } from './demo-register.js';

// The finance linkage demo (Art. 17): a bank joins 株洲's rail transit alliance, one of its
// enterprises posts a ¥10,000,000 financing need, the bank is introduced and answers, and lends
// ¥10,000,000, registered with the risk compensation scheme; so 融资需求, 融资记录 and 融资统计
// show something on a fresh start.

export const DEMO_BANK = {
  name: '湖南湘江银行株洲分行',
  type: 'BANK',
  registration: '91',
  divisionCode: '430211',
} as const;
const ALLIANCE = '株洲轨道交通装备产业技术创新战略联盟';
const ENTERPRISE = '株洲石峰牵引电气有限公司';

export const DEMO_NEED = {
  amountFen: '1000000000',
  purpose: '牵引变流器智能产线扩产及研发中试平台建设',
  termMonths: 36,
  postedOn: '2026-09-01',
} as const;

export const DEMO_LOAN = {
  amountFen: '1000000000',
  grantedOn: '2026-10-15',
  termMonths: 36,
  rateBasisPoints: 345,
  registeredOn: '2026-10-28',
} as const;

/**
 * Writes the finance demo in the caller's transaction as 株洲's administrator (row-level security
 * checks every row). What is already there is left alone, so a second run writes nothing.
 */
export async function seedDemoFinance(client: Client): Promise<{ needs: number }> {
  const { rows: tenants } = await client.query<{ id: string }>(`SELECT id FROM tenant WHERE code = '430200'`);
  const tenantId = tenants[0]!.id;
  const { rows: admins } = await client.query<{ id: string }>(
    `SELECT id FROM app_user WHERE tenant_id = $1 AND username = 'admin'`,
    [tenantId],
  );
  await client.query(
    `SELECT set_config('app.tenant_id', $1, true), set_config('app.roles', 'CITY_ADMIN', true),
            set_config('app.user_id', $2, true)`,
    [tenantId, admins[0]?.id ?? ''],
  );
  const { rows: alliances } = await client.query<{ id: string }>(
    'SELECT id FROM alliance WHERE tenant_id = $1 AND name = $2',
    [tenantId, ALLIANCE],
  );
  const { rows: enterprises } = await client.query<{ id: string }>(
    'SELECT id FROM organization WHERE name = $1',
    [ENTERPRISE],
  );
  const allianceId = alliances[0]?.id;
  const enterpriseId = enterprises[0]?.id;
  if (!allianceId || !enterpriseId)
    throw new Error(`${ALLIANCE} or ${ENTERPRISE} is not in the demo register`);

  const bankId = demoId(`organization:${DEMO_BANK.name}`);
  await client.query(
    `INSERT INTO organization (id, credit_code, name, type, legal_representative, added_by_tenant_id)
     VALUES ($1, $2, $3, 'BANK', '周建国', $4) ON CONFLICT DO NOTHING`,
    [bankId, demoCreditCode(DEMO_BANK), DEMO_BANK.name, tenantId],
  );
  // The bank takes part through the province's linkage programme (joining the alliance would need
  // a new agreement version that it signs, Art. 8): it sees the needs shared with the programme.
  const { rows: provinces } = await client.query<{ id: string }>(
    `SELECT id FROM tenant WHERE code = '430000'`,
  );
  const identity = (tenant: string, roles: string) =>
    client.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.roles', $2, true)`, [
      tenant,
      roles,
    ]);
  await identity(provinces[0]!.id, 'PROVINCE_ADMIN');
  await client.query(
    `INSERT INTO finance_linkage_institution (id, tenant_id, organization_id, enrolled_on)
     VALUES ($1, $2, $3, DATE '2025-03-01') ON CONFLICT DO NOTHING`,
    [demoId(`linkage:${DEMO_BANK.name}`), provinces[0]!.id, bankId],
  );
  await identity(tenantId, 'CITY_ADMIN');
  const needId = demoId(`financing-need:${ENTERPRISE}:${DEMO_NEED.postedOn}`);
  const need = await client.query(
    `INSERT INTO financing_need (id, tenant_id, alliance_id, organization_id, amount_fen, purpose, term_months,
                                 preferred_form, posted_on, in_linkage_programme)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'LOAN', $8, true) ON CONFLICT DO NOTHING`,
    [
      needId,
      tenantId,
      allianceId,
      enterpriseId,
      DEMO_NEED.amountFen,
      DEMO_NEED.purpose,
      DEMO_NEED.termMonths,
      DEMO_NEED.postedOn,
    ],
  );
  if (!need.rowCount) return { needs: 0 };
  await client.query(
    `INSERT INTO financing_introduction (id, tenant_id, need_id, institution_id, introduced_on, outcome, outcome_on,
                                         outcome_note)
     VALUES ($1, $2, $3, $4, '2026-09-10', 'FINANCED', '2026-10-15', '经审批发放三年期科技贷款')`,
    [demoId(`financing-introduction:${needId}:${bankId}`), tenantId, needId, bankId],
  );
  await client.query(
    `INSERT INTO financing_record (id, tenant_id, form, institution_id, organization_id, alliance_id, need_id, amount_fen,
                                   granted_on, term_months, rate_basis_points, registered_on)
     VALUES ($1, $2, 'LOAN', $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      demoId(`financing-record:${needId}`),
      tenantId,
      bankId,
      enterpriseId,
      allianceId,
      needId,
      DEMO_LOAN.amountFen,
      DEMO_LOAN.grantedOn,
      DEMO_LOAN.termMonths,
      DEMO_LOAN.rateBasisPoints,
      DEMO_LOAN.registeredOn,
    ],
  );
  await client.query(`UPDATE financing_need SET status = 'MET', version = version + 1 WHERE id = $1`, [
    needId,
  ]);
  return { needs: 1 };
}
