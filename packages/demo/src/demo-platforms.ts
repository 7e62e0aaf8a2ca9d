import { PROVINCE_CODE } from '@xiangmeng/domain';
import type { Client } from 'pg';
import { demoId } from './demo-register.js';

// The platform building demo (Art. 15): two provincial engineering technology research centres the
// province recognised for a pilot alliance, each with its host's filed 2025 annual report, so
// 创新平台 shows something on a fresh start; the one recognised in 2023 is due for its periodic
// evaluation (a three-year cycle), so 平台评估 can open a round over it. Written as the identities that may write each row
// (row-level security checks them): the province enters the platform, the alliance's city files
// the report. What is already there is left alone, so a second run writes nothing. The next
// report's deadline is not queued here (the recognition in the app queues it; seeding writes no jobs).

export const DEMO_PLATFORM = {
  name: '湖南省先进装备关键部件工程技术研究中心',
  kind: 'ENGINEERING_RESEARCH_CENTRE',
  recognitionDocument: '湘科计〔2025〕36号',
  recognisedOn: '2025-06-18',
  director: '周立新',
  report: {
    year: 2025,
    staff: 52,
    // ¥18,600,000.
    rdSpendingFen: '1860000000',
    projects: 14,
    papers: 37,
    patents: 11,
    standards: 3,
    industryServices: 86,
  },
} as const;

/** Recognised in 2023: due for its first periodic evaluation from 2026 on. */
export const DEMO_PLATFORM_DUE = {
  name: '湖南省智能装备共性技术工程技术研究中心',
  kind: 'ENGINEERING_RESEARCH_CENTRE',
  recognitionDocument: '湘科计〔2023〕27号',
  recognisedOn: '2023-05-26',
  director: '陈思远',
  report: {
    year: 2025,
    staff: 38,
    // ¥9,400,000.
    rdSpendingFen: '940000000',
    projects: 9,
    papers: 21,
    patents: 7,
    standards: 1,
    industryServices: 42,
  },
} as const;

type DemoPlatform = typeof DEMO_PLATFORM | typeof DEMO_PLATFORM_DUE;

type Alliance = { id: string; tenant_id: string; name: string; industry_code: string };

const asTenant = (client: Client, tenantId: string, role: string, userId = '') =>
  client.query(
    `SELECT set_config('app.tenant_id', $1, true), set_config('app.roles', $2, true), set_config('app.user_id', $3, true)`,
    [tenantId, role, userId],
  );

export async function seedDemoPlatforms(client: Client): Promise<{ platforms: number }> {
  const { rows: tenants } = await client.query<{ id: string; code: string; level: string }>(
    `SELECT id, code, level FROM tenant ORDER BY code`,
  );
  const province = tenants.find((t) => t.code === PROVINCE_CODE)!;
  // The first city's pilot alliance (a provincial pilot where there is one), read as that city.
  let alliance: Alliance | undefined;
  let members: string[] = [];
  for (const city of tenants.filter((t) => t.level === 'CITY')) {
    await asTenant(client, city.id, 'CITY_ADMIN');
    const { rows } = await client.query<Alliance>(
      `SELECT id, tenant_id, name, industry_code FROM alliance
        WHERE status = 'ESTABLISHED' AND pilot_status <> 'NONE'
        ORDER BY pilot_status = 'PROVINCIAL_PILOT' DESC, name LIMIT 1`,
    );
    if (!rows[0]) continue;
    alliance = rows[0];
    members = (
      await client.query<{ organization_id: string }>(
        `SELECT organization_id FROM alliance_member WHERE alliance_id = $1 AND exited_on IS NULL
          ORDER BY CASE role WHEN 'CHAIR' THEN 0 WHEN 'VICE_CHAIR' THEN 1 ELSE 2 END, joined_on, organization_id`,
        [alliance.id],
      )
    ).rows.map((r) => r.organization_id);
    break;
  }
  if (!alliance || members.length === 0) throw new Error('no pilot alliance for the platforms demo');

  let platforms = 0;
  // Hosted by the chair unit and by the first vice-chair, each with two co-builders.
  for (const [n, demo] of [DEMO_PLATFORM, DEMO_PLATFORM_DUE].entries()) {
    const units = [members[n] ?? members[0]!, ...members.filter((_, i) => i !== n).slice(0, 2)];
    platforms += await seedPlatform(client, province.id, alliance, units, demo);
  }
  return { platforms };
}

/** One platform with its members, its recognition and its host's report; 0 when it is there already. */
async function seedPlatform(
  client: Client,
  provinceId: string,
  alliance: Alliance,
  units: string[],
  demo: DemoPlatform,
): Promise<number> {
  const platformId = demoId(`platform:${demo.name}`);
  await asTenant(client, provinceId, 'PROVINCE_ADMIN');
  const platform = await client.query(
    `INSERT INTO platform (id, tenant_id, alliance_tenant_id, alliance_id, alliance_name, kind, level, name,
                           host_organization_id, field, recognition_document, recognised_on, director)
     VALUES ($1, $2, $3, $4, $5, $6, 'PROVINCIAL', $7, $8, $9, $10, $11, $12) ON CONFLICT DO NOTHING`,
    [
      platformId,
      provinceId,
      alliance.tenant_id,
      alliance.id,
      alliance.name,
      demo.kind,
      demo.name,
      units[0],
      alliance.industry_code,
      demo.recognitionDocument,
      demo.recognisedOn,
      demo.director,
    ],
  );
  if (!platform.rowCount) return 0;
  // The host first, then its co-builders.
  await client.query(
    `INSERT INTO platform_member (tenant_id, platform_id, organization_id, role)
     SELECT $1, $2, m.id, CASE WHEN m.n = 1 THEN 'HOST' ELSE 'CO_BUILDER' END
       FROM unnest($3::uuid[]) WITH ORDINALITY AS m (id, n)`,
    [provinceId, platformId, units],
  );
  await client.query(
    `INSERT INTO platform_status_event (tenant_id, platform_id, from_status, to_status, reason, basis, effective_on)
     VALUES ($1, $2, NULL, 'RECOGNISED', $3, $4, $5)`,
    [
      provinceId,
      platformId,
      `认定（${demo.recognitionDocument}）`,
      JSON.stringify({ recognitionDocument: demo.recognitionDocument }),
      demo.recognisedOn,
    ],
  );
  // The host's side (the alliance's city) filed the 2025 report.
  await asTenant(client, alliance.tenant_id, 'CITY_ADMIN');
  const r = demo.report;
  await client.query(
    `INSERT INTO platform_report (tenant_id, platform_id, year, staff, rd_spending_fen, projects, papers, patents,
                                  standards, industry_services, filed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, '2026-03-20T10:00:00+08:00')`,
    [
      provinceId,
      platformId,
      r.year,
      r.staff,
      r.rdSpendingFen,
      r.projects,
      r.papers,
      r.patents,
      r.standards,
      r.industryServices,
    ],
  );
  return 1;
}
