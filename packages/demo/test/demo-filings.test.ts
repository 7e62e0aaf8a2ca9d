import {
  canonicalJson,
  DEFAULT_FILING_DOCUMENTS,
  FILING_DEFAULTS,
  filingEligibilityViolations,
  filingValidThrough,
  formatFilingNumber,
  parseFilingSnapshot,
  parsePilotDecisionBasis,
  parsePilotDossier,
} from '@xiangmeng/domain';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_FILINGS,
  DEMO_PAST_FILING_ROUND,
  DEMO_STORY_PILOT,
  demoOpenFilingRoundNumber,
  demoSupplementaryFilingRoundNumber,
} from '../src/demo-filings.js';
import { DEMO_ALLIANCES } from '../src/demo-register.data.js';
import { DEMO_PASSWORD, seedDemo } from '../src/demo-seed.js';
import { asAdmin, asRuntimeRole, databaseUrls, startTestApi, type TestApi } from './support/harness.js';

// The filing demo: last year's round with four city pilots filed in it (each on its city's own
// approved pilot application), this year's two open rounds (with and without public notice), and
// 株洲's pilot confirmed the same way, left for the browser story to file. Checked as the runtime role with the
// demo accounts' identities (row-level security), and through GraphQL as the province's admin.

const DAY = 24 * 3600 * 1000;
const FILED_NAMES = DEMO_FILINGS.map((f) => f.allianceName);
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

type Identity = { tenantId: string; userId: string; roles: string[] };

async function identityOf(tenantCode: string, username: string, role: string): Promise<Identity> {
  return asAdmin(async (c) => {
    const { rows } = await c.query<{ id: string; tenant_id: string }>(
      `SELECT u.id, u.tenant_id FROM app_user u JOIN tenant t ON t.id = u.tenant_id WHERE t.code = $1 AND u.username = $2`,
      [tenantCode, username],
    );
    if (!rows[0]) throw new Error(`no demo account ${tenantCode}/${username}`);
    return { tenantId: rows[0].tenant_id, userId: rows[0].id, roles: [role] };
  });
}

/** Every row the filing demo writes or touches, hashed. */
async function filingFingerprint(): Promise<Record<string, string>> {
  return asAdmin(async (c) => {
    const { rows } = await c.query<Record<string, string>>(
      `SELECT (SELECT count(*) || ':' || md5(coalesce(string_agg(r::text, '|' ORDER BY r.id), '')) FROM filing_round r) AS rounds,
              (SELECT count(*) || ':' || md5(coalesce(string_agg(f::text, '|' ORDER BY f.id), '')) FROM filing f) AS filings,
              (SELECT count(*) || ':' || md5(coalesce(string_agg(s::text, '|' ORDER BY s.filing_id, s.seq), '')) FROM filing_snapshot s) AS snapshots,
              (SELECT string_agg(c::text, '|' ORDER BY c.year) FROM filing_counter c) AS counters,
              (SELECT count(*) || ':' || md5(coalesce(string_agg(p::text, '|' ORDER BY p.id), '')) FROM pilot_call p) AS calls,
              (SELECT count(*) || ':' || md5(coalesce(string_agg(a::text, '|' ORDER BY a.id), '')) FROM pilot_application a) AS applications,
              (SELECT count(*)::text FROM confirmed_pilot) AS confirmed,
              (SELECT md5(string_agg(a::text, '|' ORDER BY a.id)) FROM alliance a WHERE a.name = ANY($1)) AS alliances`,
      [FILED_NAMES],
    );
    return rows[0]!;
  });
}

type FilingRow = {
  id: string;
  tenant_id: string;
  city_code: string;
  alliance_id: string;
  alliance_name: string;
  state: string;
  level: string;
  filing_year: number;
  filing_seq: number;
  filing_number: string;
  filed_on: string;
  valid_through: string;
  submitted_at: Date;
  accepted_at: Date;
  decided_at: Date;
  national_recommended_at: Date | null;
  national_opinion: string | null;
  round_document_number: string;
  dossier: unknown;
};

const FILINGS_SQL = `
  SELECT f.id, f.tenant_id, (SELECT code FROM tenant WHERE id = f.tenant_id) AS city_code, f.alliance_id,
         f.dossier->'alliance'->>'name' AS alliance_name, f.state, f.level, f.filing_year, f.filing_seq,
         f.filing_number, f.filed_on::text, f.valid_through::text, f.submitted_at, f.accepted_at, f.decided_at,
         f.national_recommended_at, f.national_opinion,
         (SELECT r.document_number FROM filing_round r WHERE r.id = f.round_id) AS round_document_number, f.dossier
    FROM filing f ORDER BY f.filing_seq`;

describe('demo filings', () => {
  let api: TestApi;
  let province: Identity;
  let afterFirst: Record<string, string>;
  let afterSecond: Record<string, string>;
  let filings: FilingRow[];

  beforeAll(async () => {
    api = await startTestApi();
    await seedDemo(databaseUrls().ownerUrl);
    afterFirst = await filingFingerprint();
    await seedDemo(databaseUrls().ownerUrl);
    afterSecond = await filingFingerprint();
    province = await identityOf('430000', 'officer', 'PROVINCE_OFFICER');
    filings = await asRuntimeRole(province, async (db) => (await db.query<FilingRow>(FILINGS_SQL)).rows);
  });
  afterAll(async () => {
    await api.close();
  });

  it('is written once: a second run adds and changes nothing', () => {
    expect(afterSecond).toEqual(afterFirst);
  });

  it('gives the province last year’s round, filed on paper, and this year’s two, open', async () => {
    const rounds = await asRuntimeRole(
      province,
      async (db) =>
        (
          await db.query<{
            year: number;
            document_number: string;
            status: string;
            opens_at: Date;
            closes_at: Date;
            review_required: boolean;
            notice_days: number;
            required_documents: string[];
          }>(
            `SELECT year, document_number, status, opens_at, closes_at, review_required, notice_days, required_documents
               FROM filing_round ORDER BY opens_at`,
          )
        ).rows,
    );
    expect(rounds).toHaveLength(3);
    const [past, open, supplementary] = rounds as [
      (typeof rounds)[number],
      (typeof rounds)[number],
      (typeof rounds)[number],
    ];
    expect(past).toMatchObject({
      year: 2025,
      document_number: DEMO_PAST_FILING_ROUND.documentNumber,
      status: 'PUBLISHED',
      review_required: false,
      notice_days: 0,
      required_documents: [],
    });
    expect(past.opens_at.toISOString()).toBe('2025-02-28T16:00:00.000Z');
    expect(past.closes_at.toISOString()).toBe('2025-04-30T16:00:00.000Z');

    const now = Date.now();
    const year = Number(new Date(now + 8 * 3600 * 1000).toISOString().slice(0, 4));
    expect(open).toMatchObject({
      year,
      document_number: demoOpenFilingRoundNumber(year),
      status: 'PUBLISHED',
      review_required: FILING_DEFAULTS.reviewRequired,
      notice_days: FILING_DEFAULTS.noticeDays,
      required_documents: [...DEFAULT_FILING_DOCUMENTS],
    });
    expect(open.opens_at.getTime()).toBeLessThan(now - 29 * DAY);
    expect(open.closes_at.getTime()).toBeGreaterThan(now + 59 * DAY);
    expect(open.closes_at.getTime()).toBeLessThan(now + 62 * DAY);
    // The supplementary round files without public notice.
    expect(supplementary).toMatchObject({
      year,
      document_number: demoSupplementaryFilingRoundNumber(year),
      status: 'PUBLISHED',
      review_required: false,
      notice_days: 0,
      required_documents: [...DEFAULT_FILING_DOCUMENTS],
    });
    expect(supplementary.opens_at.getTime()).toBeLessThan(now - 9 * DAY);
    expect(supplementary.closes_at.getTime()).toBeGreaterThan(now + 59 * DAY);
    // China midnights.
    for (const r of rounds) expect([r.opens_at, r.closes_at].map((d) => d.getUTCHours())).toEqual([16, 16]);
  });

  it('files four city pilots of four cities, not 株洲’s, numbered 湘盟备〔2025〕1–4号', async () => {
    expect(filings.map((f) => f.alliance_name)).toEqual(FILED_NAMES);
    expect(filings.map((f) => f.filing_number)).toEqual(
      [1, 2, 3, 4].map((sequence) => formatFilingNumber({ year: 2025, sequence })),
    );
    expect(new Set(filings.map((f) => f.city_code)).size).toBe(4);
    expect(filings.map((f) => f.city_code)).not.toContain('430200');
    for (const name of FILED_NAMES)
      expect(DEMO_ALLIANCES.find((a) => a.name === name)?.pilotStatus, name).toBe('CITY_PILOT');
    for (const f of filings) {
      expect(f).toMatchObject({
        state: 'FILED',
        filing_year: 2025,
        round_document_number: DEMO_PAST_FILING_ROUND.documentNumber,
      });
      expect(f.valid_through).toBe(filingValidThrough(f.filed_on, FILING_DEFAULTS.validityYears));
      // Spring 2025, within the round, in order.
      expect(f.submitted_at.getTime()).toBeGreaterThanOrEqual(Date.parse('2025-03-01T00:00:00+08:00'));
      expect(f.submitted_at.getTime()).toBeLessThan(Date.parse('2025-05-01T00:00:00+08:00'));
      expect(f.submitted_at.getTime()).toBeLessThan(f.accepted_at.getTime());
      expect(f.accepted_at.getTime()).toBeLessThan(f.decided_at.getTime());
      expect(f.filed_on.startsWith('2025-0')).toBe(true);
    }
    const counters = await asRuntimeRole(
      province,
      async (db) =>
        (await db.query<{ year: number; last_seq: number }>('SELECT year, last_seq FROM filing_counter'))
          .rows,
    );
    expect(counters).toEqual([{ year: 2025, last_seq: 4 }]);
    const national = filings.filter((f) => f.national_recommended_at !== null);
    expect(national.map((f) => f.alliance_name)).toEqual(['长沙工程机械产业技术创新战略联盟']);
    expect(national[0]!.national_opinion).toMatch(/推荐/);
  });

  it('keeps in each filing the snapshot its submission froze: parsed by the domain, Art. 8 holding, hashed', async () => {
    for (const f of filings) {
      const snapshot = parseFilingSnapshot(f.dossier);
      expect(snapshot, f.alliance_name).not.toBeNull();
      expect(snapshot!.foundingCheck.allHold, f.alliance_name).toBe(true);
      expect(snapshot!.alliance).toMatchObject({
        id: f.alliance_id,
        pilotStatus: 'CITY_PILOT',
        status: 'ESTABLISHED',
      });
      expect(snapshot!.asOf).toBe(
        new Date(f.submitted_at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10),
      );
      expect(snapshot!.agreement?.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(snapshot!.members.every((m) => m.creditCode.length === 18)).toBe(true);
      expect(snapshot!.significance.level).toBe(f.level);
      expect(snapshot!.documents).toEqual([]);
      expect(snapshot!.measures.province.documentNumber).toBe('湘科〔2016〕106号');
    }
    const frozen = await asRuntimeRole(
      province,
      async (db) =>
        (
          await db.query<{ filing_id: string; seq: number; kind: string; snapshot: unknown; sha256: string }>(
            'SELECT filing_id, seq, kind, snapshot, sha256 FROM filing_snapshot ORDER BY filing_id',
          )
        ).rows,
    );
    expect(frozen).toHaveLength(4);
    for (const row of frozen) {
      const filing = filings.find((f) => f.id === row.filing_id)!;
      expect(row).toMatchObject({ seq: 1, kind: 'SUBMISSION' });
      expect(row.snapshot).toEqual(filing.dossier);
      expect(row.sha256).toBe(sha256(canonicalJson(row.snapshot)));
    }
  });

  it('rests each filing on its city’s approved pilot application, listed among the city’s pilots', async () => {
    for (const f of filings) {
      const officer = await identityOf(f.city_code, 'officer', 'CITY_OFFICER');
      const snapshot = parseFilingSnapshot(f.dossier)!;
      const seen = await asRuntimeRole(officer, async (db) => {
        const application = (
          await db.query<{
            state: string;
            level: string;
            authority_tenant_id: string;
            decided_on: string;
            decision_reason: string;
            decision_basis: unknown;
            dossier: unknown;
            call_title: string;
            call_closes_at: Date;
          }>(
            `SELECT a.state, a.level, a.authority_tenant_id,
                    to_char(a.decided_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS decided_on,
                    a.decision_reason, a.decision_basis, a.dossier, c.title AS call_title, c.closes_at AS call_closes_at
               FROM pilot_application a JOIN pilot_call c ON c.id = a.call_id WHERE a.id = $1`,
            [snapshot.pilotDecision.pilotApplicationId],
          )
        ).rows[0];
        const listed = (
          await db.query<{ alliance_id: string }>(
            'SELECT alliance_id FROM confirmed_pilot WHERE tenant_id = $1',
            [officer.tenantId],
          )
        ).rows;
        const alliance = (
          await db.query<{ pilot_status: string; pilot_since: string | null; pilot_application_id: string }>(
            'SELECT pilot_status, pilot_since::text, pilot_application_id FROM alliance WHERE id = $1',
            [f.alliance_id],
          )
        ).rows[0];
        return { application, listed, alliance };
      });
      expect(seen.application, f.alliance_name).toMatchObject({
        state: 'APPROVED',
        level: 'CITY',
        authority_tenant_id: f.tenant_id,
        decided_on: snapshot.pilotDecision.decidedOn,
        decision_reason: snapshot.pilotDecision.reason,
      });
      expect(seen.application!.call_title).toMatch(/^2024年度.+试点申报$/);
      expect(seen.application!.call_closes_at.getTime()).toBeLessThan(Date.now());
      const basis = parsePilotDecisionBasis(seen.application!.decision_basis);
      expect(basis.passes).toBe(true);
      expect(basis.total).toBeGreaterThanOrEqual(basis.passMark!);
      expect(parsePilotDossier(seen.application!.dossier).foundingCheck?.allHold).toBe(true);
      expect(seen.listed.map((l) => l.alliance_id)).toContain(f.alliance_id);
      expect(seen.alliance).toMatchObject({
        pilot_status: 'CITY_PILOT',
        pilot_since: snapshot.pilotDecision.decidedOn,
        pilot_application_id: snapshot.pilotDecision.pilotApplicationId,
      });
    }
  });

  it('confirms 株洲’s pilot by its own city call, unfiled and eligible for the browser story to file', async () => {
    const officer = await identityOf('430200', 'officer', 'CITY_OFFICER');
    const seen = await asRuntimeRole(officer, async (db) => {
      const alliance = (
        await db.query<{
          id: string;
          tenant_id: string;
          status: string;
          dissolved_on: string | null;
          pilot_status: string;
          pilot_since: string | null;
          pilot_application_id: string | null;
        }>(
          `SELECT id, tenant_id, status, dissolved_on::text, pilot_status, pilot_since::text, pilot_application_id
             FROM alliance WHERE name = $1`,
          [DEMO_STORY_PILOT.allianceName],
        )
      ).rows[0]!;
      // The decision a filing rests on, read as FilingsRepository.pilotDecision reads it.
      const decision = (
        await db.query<{
          pilotApplicationId: string;
          level: 'CITY' | 'PROVINCIAL';
          authorityTenantId: string;
          recommendingTenantId: string;
          decidedOn: string;
          callTitle: string;
        }>(
          `SELECT a.id AS "pilotApplicationId", a.level, a.authority_tenant_id AS "authorityTenantId",
                  a.recommending_tenant_id AS "recommendingTenantId",
                  to_char(a.decided_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS "decidedOn",
                  c.title AS "callTitle"
             FROM pilot_application a JOIN pilot_call c ON c.id = a.call_id
            WHERE a.alliance_id = $1 AND a.state = 'APPROVED'`,
          [alliance.id],
        )
      ).rows;
      const listed = (
        await db.query<{ alliance_id: string }>(
          'SELECT alliance_id FROM confirmed_pilot WHERE tenant_id = $1',
          [officer.tenantId],
        )
      ).rows;
      const filed = (
        await db.query<{ state: string }>('SELECT state FROM filing WHERE alliance_id = $1', [alliance.id])
      ).rows;
      return { alliance, decision, listed, filed };
    });
    expect(seen.decision).toHaveLength(1);
    const decision = seen.decision[0]!;
    expect(decision).toMatchObject({ level: 'CITY', authorityTenantId: officer.tenantId });
    expect(decision.callTitle).toBe('2024年度株洲市产业技术创新战略联盟试点申报');
    expect(seen.alliance).toMatchObject({
      status: 'ESTABLISHED',
      pilot_status: 'CITY_PILOT',
      pilot_since: decision.decidedOn,
      pilot_application_id: decision.pilotApplicationId,
    });
    expect(seen.listed.map((l) => l.alliance_id)).toContain(seen.alliance.id);
    expect(seen.filed).toEqual([]);
    expect(
      filingEligibilityViolations({
        filingTenantId: officer.tenantId,
        alliance: {
          tenantId: seen.alliance.tenant_id,
          status: 'ESTABLISHED',
          dissolvedOn: seen.alliance.dissolved_on,
          pilotStatus: 'CITY_PILOT',
        },
        pilotDecision: decision,
        otherFilingStates: [],
      }),
    ).toEqual([]);
  });

  it('lets the province read each filed alliance’s live record (runtime role), and no unfiled one', async () => {
    const seen = await asRuntimeRole(province, async (db) => {
      const live = [];
      for (const f of filings) {
        const alliance = (
          await db.query<{ name: string }>('SELECT name FROM alliance WHERE id = $1', [f.alliance_id])
        ).rows[0];
        const members = (
          await db.query<{ organization_id: string }>(
            'SELECT organization_id FROM alliance_member WHERE alliance_id = $1',
            [f.alliance_id],
          )
        ).rows;
        const agreements = (
          await db.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM alliance_agreement WHERE alliance_id = $1',
            [f.alliance_id],
          )
        ).rows[0]!.n;
        const signatures = (
          await db.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM agreement_signature s JOIN alliance_agreement a ON a.id = s.agreement_id
              WHERE a.alliance_id = $1`,
            [f.alliance_id],
          )
        ).rows[0]!.n;
        live.push({ filing: f, alliance, members, agreements, signatures });
      }
      const unfiled = (
        await db.query<{ name: string }>('SELECT name FROM alliance WHERE name = ANY($1)', [
          ['株洲轨道交通装备产业技术创新战略联盟', '长沙新一代人工智能产业技术创新战略联盟'],
        ])
      ).rows;
      return { live, unfiled };
    });
    for (const { filing, alliance, members, agreements, signatures } of seen.live) {
      expect(alliance?.name).toBe(filing.alliance_name);
      // The frozen roll names the organizations the live register points at.
      const frozen = parseFilingSnapshot(filing.dossier)!.members.map((m) => m.organizationId);
      expect(members.map((m) => m.organization_id).sort()).toEqual([...frozen].sort());
      expect(agreements).toBeGreaterThan(0);
      expect(signatures).toBeGreaterThan(0);
    }
    expect(seen.unfiled).toEqual([]);
  });

  it('shows 长沙’s officer its own filing only: no other city’s filing or snapshot, by list or by id', async () => {
    const changsha = await identityOf('430100', 'officer', 'CITY_OFFICER');
    const others = filings.filter((f) => f.city_code !== '430100').map((f) => f.id);
    const seen = await asRuntimeRole(changsha, async (db) => ({
      filings: (await db.query<{ tenant_id: string }>('SELECT tenant_id FROM filing')).rows,
      snapshots: (await db.query<{ tenant_id: string }>('SELECT tenant_id FROM filing_snapshot')).rows,
      byId: (await db.query('SELECT 1 FROM filing WHERE id = ANY($1)', [others])).rowCount,
      rounds: (await db.query<{ document_number: string }>('SELECT document_number FROM filing_round')).rows,
    }));
    expect(seen.filings).toEqual([{ tenant_id: changsha.tenantId }]);
    expect(seen.snapshots).toEqual([{ tenant_id: changsha.tenantId }]);
    expect(seen.byId).toBe(0);
    // Every round is published: every city reads them.
    expect(seen.rounds).toHaveLength(3);
  });

  it('shows the province’s admin the rounds and the four filings through GraphQL', async () => {
    const agent = api.agent();
    expect((await agent.login('430000', 'admin', DEMO_PASSWORD)).errors).toBeUndefined();
    const res = await agent.send<{
      filingRounds: { documentNumber: string; isOpen: boolean; status: string }[];
      filings: {
        state: string;
        filingNumber: string;
        allianceName: string;
        cityName: string;
        nationallyRecommended: boolean;
      }[];
    }>(
      `{ filingRounds { documentNumber isOpen status }
         filings(filter: { scope: "RECEIVED" }) { state filingNumber allianceName cityName nationallyRecommended } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.filingRounds.map((r) => [r.status, r.isOpen])).toEqual([
      ['PUBLISHED', true],
      ['PUBLISHED', true],
      ['PUBLISHED', false],
    ]);
    const received = [...res.data!.filings].sort((a, b) => a.filingNumber.localeCompare(b.filingNumber));
    expect(received).toHaveLength(4);
    expect(received.every((f) => f.state === 'FILED')).toBe(true);
    expect(received.map((f) => f.cityName).sort()).toEqual(['娄底市', '岳阳市', '郴州市', '长沙市'].sort());
    expect(received.filter((f) => f.nationallyRecommended)).toHaveLength(1);
    for (const f of filings) {
      const live = await agent.send<{ alliance: { name: string } }>(
        'query ($id: ID!) { alliance(id: $id) { name } }',
        {
          id: f.alliance_id,
        },
      );
      expect(live.errors, f.alliance_name).toBeUndefined();
      expect(live.data!.alliance.name).toBe(f.alliance_name);
    }
  });
});
