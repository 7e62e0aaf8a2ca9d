// Work in flight for the province's busy pages, on top of the bulk register (bulk-seed.mjs): pilot
// applications to the demo's provincial call in the states a to-do list holds, one of them under
// review with a full panel of submitted score sheets, and filed alliances across the cities (the
// province-wide register). As the owner with each tenant set, as row-level security requires; the
// rows are inserted as they stand in their state (the workflow triggers judge updates, not inserts).
import { formatFilingNumber, PROVINCE_CODE } from '@xiangmeng/domain';
import pg from 'pg';
import { CITIES } from './bulk-seed.mjs';

/** How the applications of each city spread over the states a to-do list shows. */
const APPLICATION_STATES = ['SUBMITTED', 'RECOMMENDED', 'RECOMMENDED', 'ACCEPTED', 'ACCEPTED', 'IN_REVIEW'];
const FILING_YEAR = 2025;
const FIRST_FILING_SEQ = 1001;

const setTenant = (client, tenantId, roles) =>
  client.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.roles', $2, true)`, [
    tenantId,
    roles,
  ]);

// The dossier a submission freezes, from the register's rows (pilot-dossier.ts's shape).
const DOSSIER = `jsonb_build_object(
  'asOf', '2026-11-20',
  'alliance', jsonb_build_object('id', a.id, 'tenantId', a.tenant_id, 'name', a.name, 'industryCode', a.industry_code,
    'industryName', i.name, 'foundedOn', a.founded_on, 'establishedOn', a.established_on, 'objectives', a.objectives,
    'liableEntity', a.liable_entity, 'executiveFullTimeStaff', a.executive_full_time_staff,
    'governanceBodies', (SELECT coalesce(jsonb_agg(jsonb_build_object('kind', b.kind, 'name', b.name)), '[]')
                         FROM governance_body b WHERE b.tenant_id = a.tenant_id AND b.alliance_id = a.id)),
  'members', (SELECT coalesce(jsonb_agg(jsonb_build_object('organizationId', o.id, 'name', o.name, 'type', o.type,
                'creditCode', o.credit_code, 'role', m.role, 'industryBackbone', o.industry_backbone,
                'joinedOn', m.joined_on)), '[]')
              FROM alliance_member m JOIN organization o ON o.id = m.organization_id
              WHERE m.tenant_id = a.tenant_id AND m.alliance_id = a.id),
  'agreement', NULL,
  'foundingCheck', jsonb_build_object('asOf', '2026-11-20', 'allHold', true, 'conditions', '[]'::jsonb),
  'measures', jsonb_build_object('id', c.measures_id, 'tenantId', c.measures_tenant_id, 'versionNo', c.measures_version_no),
  'call', jsonb_build_object('id', c.id, 'tenantId', c.tenant_id, 'title', c.title, 'description', c.description,
    'opensAt', c.opens_at, 'closesAt', c.closes_at, 'recommendBy', c.recommend_by, 'decideBy', c.decide_by,
    'measuresTenantId', c.measures_tenant_id, 'measuresId', c.measures_id, 'measuresVersionNo', c.measures_version_no,
    'requiredDocuments', to_jsonb(c.required_documents), 'publishedAt', c.published_at, 'version', c.version))`;

/**
 * @param {string} ownerUrl
 * @param {{ applications: number, filed: number }} size
 * @returns {Promise<{ applications: number, reviewedApplicationId: string, seats: number, filed: number }>}
 */
export async function bulkWorkflow(ownerUrl, size) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const { rows: tenants } = await client.query('SELECT id, code FROM tenant');
    const tenantOf = (code) => tenants.find((t) => t.code === code).id;
    const provinceId = tenantOf(PROVINCE_CODE);
    await setTenant(client, provinceId, 'PROVINCE_ADMIN');
    const {
      rows: [call],
    } = await client.query(
      `SELECT id FROM pilot_call WHERE tenant_id = $1 AND kind = 'PILOT' AND status = 'PUBLISHED' ORDER BY opens_at DESC LIMIT 1`,
      [provinceId],
    );
    const {
      rows: [round],
    } = await client.query(
      `SELECT id FROM filing_round WHERE tenant_id = $1 ORDER BY opens_at DESC LIMIT 1`,
      [provinceId],
    );
    if (!call || !round) throw new Error('the demo has no provincial pilot call or filing round');

    let applications = 0;
    let filed = 0;
    for (const [index, city] of CITIES.entries()) {
      const cityId = tenantOf(city.code);
      await setTenant(client, cityId, 'CITY_ADMIN');
      // Established bulk alliances only (every tenth is still forming), by their deterministic ids.
      const applying = share(size.applications, index);
      const inserted = await client.query(
        `INSERT INTO pilot_application (tenant_id, alliance_id, call_id, authority_tenant_id, recommending_tenant_id,
                                        level, state, goals, work_plan, budget_fen, own_investment_fen,
                                        expected_results, contact_name, contact_phone, dossier,
                                        member_organization_ids, submitted_at, recommended_at,
                                        recommendation_opinion, accepted_at, review_started_at, created_at)
         SELECT $1, a.id, c.id, $3, $1, 'PROVINCIAL', s.state, '建成开放共享的创新平台', '三年工作方案',
                500000000, 800000000, '制定团体标准两项', '张建国', '0731-88888888', ${DOSSIER},
                ARRAY(SELECT m.organization_id FROM alliance_member m WHERE m.tenant_id = a.tenant_id AND m.alliance_id = a.id),
                now() - interval '10 days', CASE WHEN s.state <> 'SUBMITTED' THEN now() - interval '8 days' END,
                CASE WHEN s.state <> 'SUBMITTED' THEN '同意推荐' END,
                CASE WHEN s.state IN ('ACCEPTED', 'IN_REVIEW') THEN now() - interval '6 days' END,
                CASE WHEN s.state = 'IN_REVIEW' THEN now() - interval '4 days' END,
                now() - interval '12 days' - n * interval '1 minute'
         FROM generate_series(0, $4 - 1) AS n
         JOIN alliance a ON a.id = md5('alliance:' || $5 || ':' || (n / 9 * 10 + n % 9))::uuid
         JOIN industry i ON i.code = a.industry_code
         CROSS JOIN (SELECT * FROM pilot_call WHERE id = $2) c
         CROSS JOIN LATERAL (SELECT ($6::text[])[1 + n % cardinality($6::text[])] AS state) s
         RETURNING id, state`,
        [cityId, call.id, provinceId, applying, city.code, APPLICATION_STATES],
      );
      applications += inserted.rowCount;

      const filing = share(size.filed, index);
      const seq = FIRST_FILING_SEQ + filed;
      // Filed alliances are taken from the end of the city's bulk register, apart from the applicants.
      const filedRows = (
        await client.query(
          `INSERT INTO filing (tenant_id, alliance_id, round_id, authority_tenant_id, state, significance, level, dossier,
                               submitted_at, accepted_at, decided_at, decision_basis, filing_year, filing_seq,
                               filing_number, filed_on, valid_through, created_at)
           SELECT $1, a.id, $2, $3, 'FILED', '对全省产业发展有重大影响', 'PROVINCIAL',
                  jsonb_build_object('asOf', '2025-06-01', 'alliance', jsonb_build_object('id', a.id, 'name', a.name)),
                  now() - interval '200 days', now() - interval '190 days', now() - interval '180 days',
                  jsonb_build_object('reason', NULL, 'filingNumber', ($7::text[])[n + 1]),
                  ${FILING_YEAR}, $6 + n, ($7::text[])[n + 1], DATE '2025-06-10', DATE '2028-06-09',
                  now() - interval '210 days'
           FROM generate_series(0, $4 - 1) AS n
           JOIN alliance a ON a.id = md5('alliance:' || $5 || ':' || (700 - (n / 9 + 1) * 10 + n % 9))::uuid
           RETURNING alliance_id`,
          [
            cityId,
            round.id,
            provinceId,
            filing,
            city.code,
            seq,
            Array.from({ length: filing }, (_, n) =>
              formatFilingNumber({ year: FILING_YEAR, sequence: seq + n }),
            ),
          ],
        )
      ).rows;
      filed += filedRows.length;
      // What a city files are its pilots (Art. 21).
      await client.query(
        `UPDATE alliance SET pilot_status = 'CITY_PILOT', pilot_since = DATE '2025-01-15' WHERE id = ANY($1)`,
        [filedRows.map((r) => r.alliance_id)],
      );
    }

    // The numbers given must stay the province's next ones, as the counter would have given them.
    await setTenant(client, provinceId, 'PROVINCE_ADMIN');
    await client.query(
      `INSERT INTO filing_counter (tenant_id, year, last_seq) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, year) DO UPDATE SET last_seq = GREATEST(filing_counter.last_seq, EXCLUDED.last_seq)`,
      [provinceId, FILING_YEAR, FIRST_FILING_SEQ + filed - 1],
    );

    // One application under review with the whole panel's sheets submitted: the detail page's heaviest case.
    const {
      rows: [reviewed],
    } = await client.query(
      `SELECT id, tenant_id FROM pilot_application WHERE authority_tenant_id = $1 AND state = 'IN_REVIEW'
       ORDER BY created_at DESC LIMIT 1`,
      [provinceId],
    );
    const { rows: experts } = await client.query(
      `SELECT id, user_id FROM expert WHERE tenant_id = $1 AND user_id IS NOT NULL ORDER BY name LIMIT 5`,
      [provinceId],
    );
    const {
      rows: [{ criteria }],
    } = await client.query(
      `SELECT m.parameters -> 'review' -> 'criteria' AS criteria
       FROM measures m JOIN pilot_call c ON c.measures_id = m.id WHERE c.id = $1`,
      [call.id],
    );
    for (const [seat, expert] of experts.entries()) {
      const {
        rows: [assignment],
      } = await client.query(
        `INSERT INTO expert_assignment (tenant_id, application_id, application_tenant_id, expert_id, expert_user_id,
                                        review_year, assigned_at)
         VALUES ($1, $2, $3, $4, $5, 2026, now() - interval '4 days') RETURNING id`,
        [provinceId, reviewed.id, reviewed.tenant_id, expert.id, expert.user_id],
      );
      const scores = Object.fromEntries(criteria.map((c, i) => [c.key, 70 + ((seat * 7 + i * 3) % 25)]));
      const comments = Object.fromEntries(criteria.map((c) => [c.key, '论证充分，条件具备']));
      await client.query(
        `INSERT INTO review_sheet (tenant_id, assignment_id, application_id, expert_id, expert_user_id, scores, comments,
                                   overall_opinion, recommendation, status, submitted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, '建议支持', 'SUPPORT', 'SUBMITTED', now() - interval '1 day')`,
        [provinceId, assignment.id, reviewed.id, expert.id, expert.user_id, scores, comments],
      );
    }
    await client.query('COMMIT');
    await client.query('ANALYZE');
    return { applications, reviewedApplicationId: reviewed.id, seats: experts.length, filed };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** How many of `total` rows city number `index` gets: an even share, the remainder to the first cities. */
function share(total, index) {
  return Math.floor(total / CITIES.length) + (index < total % CITIES.length ? 1 : 0);
}
