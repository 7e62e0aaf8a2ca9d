import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, type MockInstance, vi } from 'vitest';
import { type GraphqlAgent, startTestApi, type TestApi, tenantId } from '../support/harness';
import { Fixtures } from '../pilots/db-fixtures';
import { PROVINCE, staff, ZHUZHOU } from '../pilots/pilot-client';
import { publishedRound } from './filing-client';

// The province's 收到的备案 costs the same statements for 5 filings as for 20: each filing's round,
// alliance name, city and documents are loaded once per request for the whole list.

const LIST = `query ($roundId: ID!) {
  filings(filter: { scope: "RECEIVED", roundId: $roundId }) {
    id state filingNumber allianceName cityName availableActions
    round { id year isOpen }
    documents { documentId kind name }
  }
}`;

describe('statements per list of received filings', () => {
  let api: TestApi;
  let fixtures: Fixtures;
  let officer: GraphqlAgent;
  let logQuery: MockInstance;
  const rounds: Record<number, string> = {};

  beforeAll(async () => {
    api = await startTestApi();
    fixtures = await Fixtures.open();
    officer = (await staff(api, PROVINCE, ['PROVINCE_OFFICER'])).agent;
    const admin = (await staff(api, PROVINCE, ['PROVINCE_ADMIN'])).agent;
    const [province, city] = [await tenantId(PROVINCE), await tenantId(ZHUZHOU)];
    for (const size of [5, 20]) {
      const round = await publishedRound(officer, admin, new Date());
      rounds[size] = round.id;
      for (let i = 0; i < size; i++) {
        const alliance = await fixtures.alliance(city);
        const row = await fixtures.insert('filing', {
          tenant_id: city,
          alliance_id: alliance.id,
          round_id: round.id,
          authority_tenant_id: province,
          // Returned: the province reads it, and its attachments may still be written.
          state: 'RETURNED',
          correction_deadline: '2099-12-31',
          significance: '语句计数测试重大影响说明',
          level: 'PROVINCIAL',
          dossier: JSON.stringify({ alliance: { id: alliance.id, name: alliance.name }, members: [] }),
          submitted_at: new Date(),
        });
        await fixtures.insert('filing_document', {
          tenant_id: city,
          filing_id: row.id,
          document_id: alliance.otherDocId,
          kind: 'FILING_FORM',
        });
      }
    }
    logQuery = vi.spyOn(api.app.get(DataSource).logger, 'logQuery');
  });

  afterAll(async () => {
    logQuery?.mockRestore();
    await fixtures?.close();
    await api?.close();
  });

  async function statementsFor(size: number): Promise<string[]> {
    logQuery.mockClear();
    const res = await officer.send<{ filings: { documents: unknown[] }[] }>(LIST, { roundId: rounds[size] });
    expect(res.errors).toBeUndefined();
    expect(res.data!.filings).toHaveLength(size);
    for (const f of res.data!.filings) expect(f.documents).toHaveLength(1);
    return logQuery.mock.calls
      .map((call) =>
        String(call[0])
          .replace(/\s+/g, ' ')
          .replace(/\$\d+(, \$\d+)*/g, '$n')
          .trim(),
      )
      .sort();
  }

  it('runs the same statements for 5 filings as for 20', async () => {
    const five = await statementsFor(5);
    const twenty = await statementsFor(20);
    expect(twenty).toEqual(five);
    console.info(`received filings: ${five.length} SQL statements per list of 5 and of 20`);
  });
});
