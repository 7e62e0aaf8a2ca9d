import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asAdmin,
  createUser,
  databaseUrls,
  type GraphqlAgent,
  signedInAgent,
  startTestApi,
  type TestApi,
  type TestUser,
} from '../support/harness';
import { TestClock } from '../support/test-clock';
import {
  type ClaimView,
  F,
  type FinanceParties,
  fileClaim,
  financeParties,
  loanInput,
  recordLoan,
} from './finance-client';

// The bank's yearly ceiling under concurrency. 衡阳's local measures override the province's
// scheme (4/5 of the loss, up to ¥1,000,000 a bank a year); twelve claims of one bank are approved
// at once from twelve sessions: the approvals queue on the bank's ceiling lock, so exactly the
// ceiling is paid — four in full, one capped at the rest, seven refused as exhausted — and the
// ledger never passes it. Then the database alone: payouts inserted at once from many runtime-role
// connections, past the ceiling, are refused by the ledger's trigger whatever the API does.

const HENGYANG = '430400';
const CEILING = '100000000';
const CLAIMS = 12;

describe('compensation ceiling under concurrency', () => {
  const clock = new TestClock(new Date('2026-12-06T10:00:00+08:00'));
  let api: TestApi;
  let officer: GraphqlAgent;
  let admin: TestUser;
  let p: FinanceParties;
  let measuresId: string;

  beforeAll(async () => {
    api = await startTestApi({ clock, poolSize: 16 });
    p = await financeParties(HENGYANG);
    officer = await signedInAgent(api, await createUser(HENGYANG, ['CITY_OFFICER'], 'fcc'));
    admin = await createUser(HENGYANG, ['CITY_ADMIN'], 'fcc');
    measuresId = await asAdmin(async (c) => {
      const { rows } = await c.query<{ id: string }>(
        `INSERT INTO measures (tenant_id, version_no, title, document_number, effective_on, parameters, status, published_at)
         VALUES ($1, (SELECT coalesce(max(version_no), 0) + 1 FROM measures WHERE tenant_id = $1), '衡阳市风险补偿实施细则',
                 '衡科〔2026〕9号', '2026-01-01', $2, 'PUBLISHED', now()) RETURNING id`,
        [
          p.tenantId,
          JSON.stringify({
            riskCompensation: { share: { numerator: 4, denominator: 5 }, perBankYearlyCeilingFen: CEILING },
          }),
        ],
      );
      return rows[0]!.id;
    });
  });

  afterAll(async () => {
    await api?.close();
    // The local version would override the scheme for every later test of 衡阳.
    await asAdmin((c) => c.query(`DELETE FROM measures WHERE id = $1`, [measuresId]));
  });

  it('parallel approvals pay exactly the ceiling, each computed after the ones before it', async () => {
    const claims: ClaimView[] = [];
    for (let i = 0; i < CLAIMS; i++) {
      const loan = await recordLoan(officer, loanInput(p));
      claims.push(
        await fileClaim(officer, {
          financingRecordId: loan.id,
          defaultedOn: '2026-12-01',
          principalLostFen: '30000000',
        }),
      );
    }
    // The city's override is what the preview applies: 4/5 of ¥300,000, under a ¥1,000,000 ceiling.
    expect(claims[0]!.preview).toMatchObject({
      shareNumerator: 4,
      shareDenominator: 5,
      perBankYearlyCeilingFen: CEILING,
      amountFen: '24000000',
    });
    // Twelve sessions of twelve administrators (signed in one after another: sign-ins are throttled).
    const admins: GraphqlAgent[] = [];
    for (let i = 0; i < CLAIMS; i++)
      admins.push(
        await signedInAgent(api, i === 0 ? admin : await createUser(HENGYANG, ['CITY_ADMIN'], 'fcc')),
      );
    const answers = await Promise.all(
      claims.map((claim, i) =>
        admins[i]!.send<{ transitionCompensationClaim: ClaimView }>(F.transitionClaim, {
          input: { id: claim.id, action: 'APPROVE', version: claim.version, text: '核准' },
        }),
      ),
    );
    const approved = answers.filter((a) => a.data?.transitionCompensationClaim);
    const refused = answers.filter((a) => a.errors);
    expect(refused.map((r) => r.errors![0]!.extensions?.code)).toEqual(
      Array(CLAIMS - 5).fill('COMPENSATION_CLAIM_REFUSED'),
    );
    expect(refused.every((r) => JSON.stringify(r.errors).includes('CEILING_EXHAUSTED'))).toBe(true);
    const amounts = approved
      .map((a) => Number(a.data!.transitionCompensationClaim.amountFen!))
      .sort((a, b) => a - b);
    expect(amounts).toEqual([4000000, 24000000, 24000000, 24000000, 24000000]);
    const ledger = await asAdmin((c) =>
      c.query<{ total: string; n: string }>(
        `SELECT sum(amount_fen)::text AS total, count(*)::text AS n FROM compensation_ledger_entry
          WHERE tenant_id = $1 AND institution_id = $2 AND ceiling_year = 2026`,
        [p.tenantId, p.bankId],
      ),
    );
    expect(ledger.rows[0]).toEqual({ total: CEILING, n: '5' });
  });

  it('payouts inserted at once from many connections never pass the ceiling (the database refuses)', async () => {
    // Another bank of the alliance, with twenty approved claims of ¥60,000 each (as the superuser):
    // twenty payouts would be ¥1,200,000 against a ceiling of ¥1,000,000.
    const { bankId, claimIds } = await asAdmin(async (c) => {
      const { rows: bank } = await c.query<{ id: string }>(
        `INSERT INTO organization (credit_code, name, type, legal_representative, added_by_tenant_id)
         SELECT '9143310' || upper(substr(md5(random()::text), 1, 11)), '并发测试银行' || substr(md5(random()::text), 1, 6),
                'BANK', '赵六', $1 RETURNING id`,
        [p.tenantId],
      );
      const bankId = bank[0]!.id;
      const ids: string[] = [];
      for (let i = 0; i < 20; i++) {
        const { rows: record } = await c.query<{ id: string }>(
          `INSERT INTO financing_record (tenant_id, form, institution_id, organization_id, alliance_id, amount_fen,
                                         granted_on, term_months, registered_on)
           VALUES ($1, 'LOAN', $2, $3, $4, 10000000, '2026-11-01', 12, '2026-11-02') RETURNING id`,
          [p.tenantId, bankId, p.enterpriseId, p.allianceId],
        );
        const { rows: claim } = await c.query<{ id: string }>(
          `INSERT INTO compensation_claim (tenant_id, financing_record_id, institution_id, state, dossier, amount_fen,
                                           filed_on, decided_at)
           VALUES ($1, $2, $3, 'APPROVED', '{"defaultedOn":"2026-12-01","principalLostFen":"7500000"}', 6000000,
                   '2026-12-02', now()) RETURNING id`,
          [p.tenantId, record[0]!.id, bankId],
        );
        ids.push(claim[0]!.id);
      }
      return { bankId, claimIds: ids };
    });
    const outcomes = await Promise.all(
      claimIds.map(async (claimId) => {
        const client = new Client({ connectionString: databaseUrls().appUrl });
        await client.connect();
        try {
          await client.query('BEGIN');
          await client.query(
            `SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true), set_config('app.roles', 'CITY_ADMIN', true)`,
            [p.tenantId, admin.id],
          );
          await client.query(
            `INSERT INTO compensation_ledger_entry (tenant_id, claim_id, institution_id, ceiling_year, amount_fen, ceiling_fen, entry_on)
             VALUES ($1, $2, $3, 2026, 6000000, $4, '2026-12-06')`,
            [p.tenantId, claimId, bankId, CEILING],
          );
          await client.query('COMMIT');
          return 'paid';
        } catch (error) {
          await client.query('ROLLBACK');
          return (error as { hint?: string }).hint ?? String(error);
        } finally {
          await client.end();
        }
      }),
    );
    expect(outcomes.filter((o) => o === 'paid')).toHaveLength(16);
    expect(outcomes.filter((o) => o === 'ABOVE_YEARLY_CEILING')).toHaveLength(4);
    const total = await asAdmin((c) =>
      c.query<{ total: string }>(
        `SELECT sum(amount_fen)::text AS total FROM compensation_ledger_entry WHERE institution_id = $1`,
        [bankId],
      ),
    );
    expect(total.rows[0]!.total).toBe('96000000');
  });
});
