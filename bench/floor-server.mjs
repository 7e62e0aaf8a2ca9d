// The floor: the register's first page with `pg` and node's http alone, no framework. It does what
// the API must do for that page — find the session, set the identity for row-level security in a
// transaction, read the alliances with their members, agreements and bodies, evaluate Art. 8 with
// the domain's own function — and answers the same JSON. Run as a child process by the benchmark.
import { chinaDate, checkFoundingConditions, resolveParameters } from '@xiangmeng/domain';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import pg from 'pg';

const PAGE_SQL = `
  SELECT a.id, a.name, a.status, a.liable_entity, a.executive_full_time_staff, i.name AS industry_name,
         coalesce((SELECT json_agg(json_build_object(
                     'organizationId', m.organization_id, 'name', o.name, 'type', o.type,
                     'industryBackbone', o.industry_backbone, 'role', m.role,
                     'joinedOn', to_char(m.joined_on, 'YYYY-MM-DD'), 'exitedOn', to_char(m.exited_on, 'YYYY-MM-DD'))
                     ORDER BY m.joined_on, m.created_at)
                   FROM alliance_member m JOIN organization o ON o.id = m.organization_id
                   WHERE m.tenant_id = a.tenant_id AND m.alliance_id = a.id), '[]') AS members,
         coalesce((SELECT json_agg(json_build_object(
                     'version', g.version, 'innovationGoals', g.innovation_goals,
                     'ipTerms', json_build_object('ownership', g.ip_ownership, 'licensing', g.ip_licensing,
                                                  'benefitSharing', g.ip_benefit_sharing, 'breachLiability', g.breach_liability),
                     'fundRules', json_build_object('management', g.fund_management, 'supervision', g.fund_supervision),
                     'openness', json_build_object('newMembers', g.new_members_rule, 'externalCooperation', g.external_cooperation,
                                                   'resultsDiffusion', g.results_diffusion),
                     'tasks', coalesce((SELECT json_agg(json_build_object('organizationId', t.organization_id, 'task', t.task))
                                        FROM agreement_task t WHERE t.tenant_id = g.tenant_id AND t.agreement_id = g.id), '[]'),
                     'signatures', coalesce((SELECT json_agg(json_build_object('organizationId', s.organization_id,
                                                  'signatoryName', s.signatory_name, 'signedOn', to_char(s.signed_on, 'YYYY-MM-DD')))
                                             FROM agreement_signature s WHERE s.tenant_id = g.tenant_id AND s.agreement_id = g.id), '[]')))
                   FROM alliance_agreement g WHERE g.tenant_id = a.tenant_id AND g.alliance_id = a.id), '[]') AS agreements,
         coalesce((SELECT json_agg(json_build_object('kind', b.kind, 'name', b.name))
                   FROM governance_body b WHERE b.tenant_id = a.tenant_id AND b.alliance_id = a.id), '[]') AS bodies
  FROM alliance a JOIN industry i ON i.code = a.industry_code
  ORDER BY a.created_at DESC, a.id DESC
  LIMIT 20`;

// The province's measures in force and, for a city, its own overrides (Art. 21).
const MEASURES_SQL = `
  SELECT (SELECT m.parameters FROM measures m JOIN tenant t ON t.id = m.tenant_id
          WHERE m.status = 'PUBLISHED' AND m.effective_on <= $1 AND t.level = 'PROVINCE'
          ORDER BY m.effective_on DESC, m.version_no DESC LIMIT 1) AS province,
         (SELECT m.parameters FROM measures m
          WHERE m.tenant_id = $2 AND m.status = 'PUBLISHED' AND m.effective_on <= $1
          ORDER BY m.effective_on DESC, m.version_no DESC LIMIT 1) AS local`;

// BENCH_FLOOR_PREPARED=1: the floor's page and measures as named prepared statements, as the API's
// runtime pool sends every statement (src/database/prepared-statements.ts), to compare like with like.
const PREPARED = process.env.BENCH_FLOOR_PREPARED === '1';

function sessionToken(cookieHeader) {
  const match = /(?:^|;\s*)xm_session=([A-Za-z0-9_-]{43})(?:;|$)/.exec(cookieHeader ?? '');
  return match ? match[1] : null;
}

export async function startFloor({ databaseUrl, poolSize = 10 }) {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolSize,
    application_name: 'xiangmeng-floor',
    // As the API's connections (apps/api/src/database/connection-options.ts): on a server with LLVM
    // the page's statement would otherwise be compiled just in time on every request.
    options: '-c jit=off',
  });

  async function registerPage(token) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const tokenHash = createHash('sha256').update(token).digest();
      const { rows: sessions } = await client.query('SELECT * FROM auth_find_session($1)', [tokenHash]);
      const session = sessions[0];
      if (!session || session.disabled || session.revoked_at) {
        await client.query('ROLLBACK');
        return null;
      }
      await client.query(
        `SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true), set_config('app.roles', $3, true)`,
        [session.tenant_id, session.user_id, session.roles.join(',')],
      );
      const today = chinaDate(new Date());
      const { rows } = await client.query(PREPARED ? { name: 'page', text: PAGE_SQL } : PAGE_SQL);
      const { rows: measures } = await client.query(
        PREPARED ? { name: 'measures', text: MEASURES_SQL } : MEASURES_SQL,
        [today, session.tenant_id],
      );
      await client.query('COMMIT');
      const parameters = resolveParameters(measures[0].province, measures[0].local ?? {});
      return rows.map((a) => {
        const check = checkFoundingConditions(
          {
            members: a.members,
            agreements: a.agreements,
            governance: {
              bodies: a.bodies,
              liableEntity: a.liable_entity,
              executiveFullTimeStaff: a.executive_full_time_staff,
            },
          },
          parameters,
          today,
        );
        const current = a.members.filter((m) => m.exitedOn === null);
        const chair = current.find((m) => m.role === 'CHAIR');
        return {
          id: a.id,
          name: a.name,
          status: a.status,
          industry: { name: a.industry_name },
          chairMember: chair ? { name: chair.name } : null,
          members: current.map((m) => ({ organization: { name: m.name }, role: m.role })),
          foundingCheck: {
            allHold: check.allHold,
            conditions: check.conditions.map((c) => ({ condition: c.condition, holds: c.holds })),
          },
        };
      });
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const token = sessionToken(req.headers.cookie);
      const reply = (status, body) => {
        const payload = JSON.stringify(body);
        res.writeHead(status, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        });
        res.end(payload);
      };
      try {
        JSON.parse(Buffer.concat(chunks).toString() || '{}');
      } catch {
        return reply(400, { errors: [{ message: 'bad request' }] });
      }
      if (req.method !== 'POST' || !token) return reply(401, { errors: [{ message: 'unauthenticated' }] });
      registerPage(token).then(
        (nodes) =>
          nodes
            ? reply(200, { data: { alliances: { nodes } } })
            : reply(401, { errors: [{ message: 'unauthenticated' }] }),
        (error) => reply(500, { errors: [{ message: String(error) }] }),
      );
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await pool.end();
    },
  };
}
