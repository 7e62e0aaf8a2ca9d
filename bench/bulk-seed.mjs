// Bulk data for the register benchmark: organizations, alliances, members, governance bodies and a
// signed agreement per alliance, spread over the 14 cities. One INSERT … SELECT generate_series per
// table and city, as the owner with the city set (row-level security is forced, even for the owner).
// Identifiers are md5 of a name, so rows refer to each other without a lookup.
import { HUNAN_DIVISIONS, INDUSTRIES } from '@xiangmeng/domain';
import pg from 'pg';

export const CITIES = HUNAN_DIVISIONS.filter((d) => d.level === 'CITY');

// The GB 32100-2015 check character, in SQL, for this session only.
const CREDIT_CODE_FUNCTION = `
  CREATE FUNCTION pg_temp.credit_code(first17 text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT first17 || substr('0123456789ABCDEFGHJKLMNPQRTUWXY'::text, (CASE WHEN s % 31 = 0 THEN 1 ELSE 32 - s % 31 END)::int, 1)
    FROM (SELECT sum((strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(first17, i::int, 1)) - 1) * w) AS s
          FROM unnest(ARRAY[1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28]) WITH ORDINALITY AS t(w, i)) x
  $$`;

/** How many of `total` rows city number `index` gets: an even share, the remainder to the first cities. */
function share(total, index) {
  return Math.floor(total / CITIES.length) + (index < total % CITIES.length ? 1 : 0);
}

/**
 * @param {string} ownerUrl
 * @param {{ alliances: number, organizations: number, membersPerAlliance: number }} size
 */
export async function bulkSeed(ownerUrl, size) {
  if (size.organizations < size.alliances * 10) throw new Error('ten organizations per alliance at least');
  if (size.membersPerAlliance < 3 || size.membersPerAlliance > 9) throw new Error('3–9 members per alliance');
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  const industries = INDUSTRIES.map((i) => i.code);
  try {
    await client.query(CREDIT_CODE_FUNCTION);
    await client.query('BEGIN');
    const { rows: tenants } = await client.query('SELECT id, code FROM tenant');
    await client.query(
      `SELECT set_config('app.tenant_id', (SELECT id::text FROM tenant WHERE code = '430000'), true),
              set_config('app.roles', 'PROVINCE_ADMIN', true)`,
    );
    const { rows: measures } = await client.query(`SELECT id FROM measures WHERE version_no = 1`);
    const counts = { organizations: 0, alliances: 0, members: 0, signatures: 0 };
    const count = (key, result) => {
      counts[key] += result.rowCount ?? 0;
    };
    for (const [index, city] of CITIES.entries()) {
      const tenantId = tenants.find((t) => t.code === city.code).id;
      // Organizations come in blocks of ten: 0 a backbone enterprise, 1–6 enterprises, 7 a
      // university, 8 an institute, 9 an intermediary. Alliance n takes its members from block n;
      // organizations beyond ten per alliance are in no alliance.
      const alliances = share(size.alliances, index);
      const organizations = alliances * 10 + share(size.organizations - size.alliances * 10, index);
      const k = city.code;
      await client.query(
        `SELECT set_config('app.tenant_id', $1, true), set_config('app.roles', 'CITY_ADMIN', true)`,
        [tenantId],
      );
      count(
        'organizations',
        await client.query(
          `INSERT INTO organization (id, credit_code, name, type, legal_representative, industry_backbone, backbone_basis,
                                   added_by_tenant_id)
         SELECT md5('org:' || $2 || ':' || n)::uuid,
                pg_temp.credit_code(CASE WHEN n % 10 IN (7, 8) THEN '12' WHEN n % 10 = 9 THEN '51' ELSE '91' END
                                    || $2 || 'MA' || lpad(n::text, 7, '0')),
                $3 || CASE n % 10 WHEN 7 THEN '理工学院' WHEN 8 THEN '技术研究院' WHEN 9 THEN '技术转移中心'
                                  ELSE '科技有限公司' END || n,
                CASE n % 10 WHEN 7 THEN 'UNIVERSITY' WHEN 8 THEN 'RESEARCH_INSTITUTE' WHEN 9 THEN 'INTERMEDIARY'
                            ELSE 'ENTERPRISE' END,
                '张建国', n % 10 = 0, CASE WHEN n % 10 = 0 THEN '省级企业技术中心' ELSE '' END, $1
         FROM generate_series(0, $4 - 1) AS n`,
          [tenantId, k, `${city.name.replace(/市$|土家族苗族自治州$/, '')}基准`, organizations],
        ),
      );
      // Newest first in the register: creation times step back a minute per alliance.
      count(
        'alliances',
        await client.query(
          `INSERT INTO alliance (id, tenant_id, name, industry_code, founded_on, objectives, host_organization_id,
                               liable_entity, executive_full_time_staff, status, established_on, established_measures_id,
                               created_at, updated_at)
         SELECT md5('alliance:' || $2 || ':' || n)::uuid, $1, $3 || n || '号产业技术创新战略联盟',
                ($4::text[])[1 + n % cardinality($4::text[])], DATE '2018-01-01' + (n % 2000),
                '联合攻关关键共性技术', md5('org:' || $2 || ':' || (n * 10 + 8))::uuid, '理事长单位', 1 + n % 5,
                CASE WHEN n % 10 = 9 THEN 'FORMING' ELSE 'ESTABLISHED' END,
                CASE WHEN n % 10 = 9 THEN NULL ELSE DATE '2018-01-01' + (n % 2000) + 60 END,
                CASE WHEN n % 10 = 9 THEN NULL ELSE $5::uuid END,
                date_trunc('milliseconds', now()) - n * interval '1 minute',
                date_trunc('milliseconds', now()) - n * interval '1 minute'
         FROM generate_series(0, $6 - 1) AS n`,
          [tenantId, k, `${city.name}基准`, industries, measures[0].id, alliances],
        ),
      );
      // Member slots: 0 chair (block's backbone enterprise), 1 university, 2 institute, 3+ enterprises.
      const slots = `(VALUES ${Array.from({ length: size.membersPerAlliance }, (_, s) => {
        const offset = s === 0 ? 0 : s === 1 ? 7 : s === 2 ? 8 : s - 2;
        return `(${s}, ${offset}, '${s === 0 ? 'CHAIR' : s === 1 ? 'VICE_CHAIR' : 'MEMBER'}')`;
      }).join(', ')}) AS slot(s, offset_in_block, role)`;
      count(
        'members',
        await client.query(
          `INSERT INTO alliance_member (id, tenant_id, alliance_id, organization_id, role, joined_on, created_at)
         SELECT md5('member:' || $2 || ':' || n || ':' || slot.s)::uuid, $1, md5('alliance:' || $2 || ':' || n)::uuid,
                md5('org:' || $2 || ':' || (n * 10 + slot.offset_in_block))::uuid, slot.role,
                DATE '2018-01-01' + (n % 2000), now() + slot.s * interval '1 millisecond'
         FROM generate_series(0, $3 - 1) AS n CROSS JOIN ${slots}`,
          [tenantId, k, alliances],
        ),
      );
      await client.query(
        `INSERT INTO governance_body (tenant_id, alliance_id, kind, name)
         SELECT $1, md5('alliance:' || $2 || ':' || n)::uuid, b.kind, b.name
         FROM generate_series(0, $3 - 1) AS n
         CROSS JOIN (VALUES ('DECISION', '理事会'), ('ADVISORY', '专家委员会'), ('EXECUTIVE', '秘书处')) AS b(kind, name)`,
        [tenantId, k, alliances],
      );
      await client.query(
        `INSERT INTO alliance_agreement (id, tenant_id, alliance_id, version, innovation_goals, ip_ownership, ip_licensing,
                                         ip_benefit_sharing, breach_liability, fund_management, fund_supervision,
                                         new_members_rule, external_cooperation, results_diffusion)
         SELECT md5('agreement:' || $2 || ':' || n)::uuid, $1, md5('alliance:' || $2 || ':' || n)::uuid, 1,
                '突破关键共性技术', '按贡献共有', '成员优先许可', '按投入分配', '赔偿损失', '专账核算', '年度审计',
                '书面申请', '开展交流', '向行业扩散'
         FROM generate_series(0, $3 - 1) AS n`,
        [tenantId, k, alliances],
      );
      await client.query(
        `INSERT INTO agreement_task (tenant_id, agreement_id, organization_id, task)
         SELECT $1, md5('agreement:' || $2 || ':' || n)::uuid, md5('org:' || $2 || ':' || (n * 10 + slot.offset_in_block))::uuid,
                '承担联合攻关任务'
         FROM generate_series(0, $3 - 1) AS n CROSS JOIN ${slots}`,
        [tenantId, k, alliances],
      );
      // FORMING alliances lack their last member's signature, so the check has failures to show.
      count(
        'signatures',
        await client.query(
          `INSERT INTO agreement_signature (tenant_id, agreement_id, organization_id, signatory_name, signed_on)
         SELECT $1, md5('agreement:' || $2 || ':' || n)::uuid, md5('org:' || $2 || ':' || (n * 10 + slot.offset_in_block))::uuid,
                '张建国', DATE '2018-01-01' + (n % 2000) + 30
         FROM generate_series(0, $3 - 1) AS n CROSS JOIN ${slots}
         WHERE NOT (n % 10 = 9 AND slot.s = $4 - 1)`,
          [tenantId, k, alliances, size.membersPerAlliance],
        ),
      );
    }
    await client.query('COMMIT');
    await client.query('ANALYZE');
    const { rows } = await client.query(
      'SELECT array_agg(credit_code) AS sample FROM (SELECT credit_code FROM organization ORDER BY random() LIMIT 500) s',
    );
    return { ...counts, creditCodeSample: rows[0].sample };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
