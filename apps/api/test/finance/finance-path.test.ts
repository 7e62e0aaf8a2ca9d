import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asAdmin,
  createUser,
  type GraphqlAgent,
  signedInAgent,
  startTestApi,
  type TestApi,
} from '../support/harness';
import { dataOf, expectBadInput, expectRefused } from '../support/register-client';
import { TestClock } from '../support/test-clock';
import { CHANGSHA, PROVINCE, ZHUZHOU } from '../pilots/pilot-client';
import {
  type ClaimView,
  F,
  type FinanceParties,
  fileClaim,
  financeParties,
  loanInput,
  needInput,
  type NeedView,
  postNeed,
  recordLoan,
} from './finance-client';

// Finance linkage end to end in 株洲 (Art. 17): an enterprise of the alliance posts a ¥10,000,000
// need; institutions see it only as members of the alliance or, once it is shared, as members of
// the province's linkage programme (the database refuses any other introduction); the bank in the
// alliance answers and lends; on default a claim is computed from the scheme's share and the
// bank's remaining yearly ceiling, decided by an administrator and paid into the ledger.

describe('finance linkage: need → introduction → loan → compensation claim', () => {
  const clock = new TestClock(new Date('2026-12-06T10:00:00+08:00'));
  let api: TestApi;
  let zzOfficer: GraphqlAgent;
  let zzAdmin: GraphqlAgent;
  let provOfficer: GraphqlAgent;
  let csOfficer: GraphqlAgent;
  let p: FinanceParties;
  let need: NeedView;

  beforeAll(async () => {
    api = await startTestApi({ clock });
    p = await financeParties(ZHUZHOU);
    zzOfficer = await signedInAgent(api, await createUser(ZHUZHOU, ['CITY_OFFICER'], 'fin'));
    zzAdmin = await signedInAgent(api, await createUser(ZHUZHOU, ['CITY_ADMIN'], 'fin'));
    provOfficer = await signedInAgent(api, await createUser(PROVINCE, ['PROVINCE_OFFICER'], 'fin'));
    csOfficer = await signedInAgent(api, await createUser(CHANGSHA, ['CITY_OFFICER'], 'fin'));
    need = await postNeed(zzOfficer, needInput(p));
  });

  afterAll(async () => {
    await api?.close();
  });

  it('the need is posted for the enterprise, open, seen by its bureau only', async () => {
    expect(need).toMatchObject({ amountFen: '1000000000', status: 'OPEN', inLinkageProgramme: false });
    const seen = async (agent: GraphqlAgent) =>
      dataOf(await agent.send<{ financingNeeds: NeedView[] }>(F.needs)).financingNeeds.some(
        (n) => n.id === need.id,
      );
    expect(await seen(zzOfficer)).toBe(true);
    expect(await seen(provOfficer)).toBe(false);
    expect(await seen(csOfficer)).toBe(false);
    expectRefused(await csOfficer.send(F.need, { id: need.id }), 'NOT_FOUND');
  });

  it('an institution outside the alliance and the programme may not be introduced; a member bank may', async () => {
    for (const institutionId of [p.outsiderBankId, p.linkageVcId])
      expectBadInput(
        await zzOfficer.send(F.introduce, {
          input: { needId: need.id, institutionId, introducedOn: '2026-11-05' },
        }),
        'institutionId',
        'NEED_NOT_VISIBLE',
      );
    const visibleTo = async (institutionId: string) =>
      dataOf(
        await zzOfficer.send<{ financingNeeds: NeedView[] }>(F.needs, { institutionId }),
      ).financingNeeds.map((n) => n.id);
    expect(await visibleTo(p.bankId)).toContain(need.id);
    expect(await visibleTo(p.outsiderBankId)).not.toContain(need.id);
    expect(await visibleTo(p.linkageVcId)).not.toContain(need.id);
  });

  it('shared with the linkage programme, the province reads it and an enrolled institution may be introduced', async () => {
    need = dataOf(
      await zzOfficer.send<{ changeFinancingNeed: NeedView }>(F.changeNeed, {
        input: { id: need.id, version: need.version, inLinkageProgramme: true },
      }),
    ).changeFinancingNeed;
    expect(need.inLinkageProgramme).toBe(true);
    const seen = dataOf(await provOfficer.send<{ financingNeeds: NeedView[] }>(F.needs)).financingNeeds;
    expect(seen.map((n) => n.id)).toContain(need.id);
    expect(
      dataOf(await csOfficer.send<{ financingNeeds: NeedView[] }>(F.needs)).financingNeeds.map((n) => n.id),
    ).not.toContain(need.id);
    const introduced = dataOf(
      await zzOfficer.send<{ introduceInstitution: NeedView }>(F.introduce, {
        input: { needId: need.id, institutionId: p.linkageVcId, introducedOn: '2026-11-05' },
      }),
    ).introduceInstitution;
    expect(introduced.introductions.map((i) => i.institutionId)).toEqual([p.linkageVcId]);
    // The outsider still sees nothing: neither member nor enrolled.
    expectBadInput(
      await zzOfficer.send(F.introduce, {
        input: { needId: need.id, institutionId: p.outsiderBankId, introducedOn: '2026-11-05' },
      }),
      'institutionId',
      'NEED_NOT_VISIBLE',
    );
    // The province reads but does not act on the city's need.
    expectRefused(
      await provOfficer.send(F.introduce, {
        input: { needId: need.id, institutionId: p.linkageVcId, introducedOn: '2026-11-05' },
      }),
      'NOT_FOUND',
    );
  });

  it('the bank in the alliance answers, lends, and the need is met', async () => {
    const event = dataOf(
      await zzOfficer.send<{ recordFinancingEvent: { id: string; institutions: { id: string }[] } }>(
        F.recordEvent,
        {
          input: {
            title: '株洲市科技金融对接会',
            heldOn: '2026-11-06',
            organizer: '株洲市科学技术局',
            institutionIds: [p.bankId, p.linkageVcId],
            enterpriseIds: [p.enterpriseId],
          },
        },
      ),
    ).recordFinancingEvent;
    expect(event.institutions).toHaveLength(2);
    let view = dataOf(
      await zzOfficer.send<{ introduceInstitution: NeedView }>(F.introduce, {
        input: { needId: need.id, institutionId: p.bankId, eventId: event.id, introducedOn: '2026-11-06' },
      }),
    ).introduceInstitution;
    const introduction = view.introductions.find((i) => i.institutionId === p.bankId)!;
    view = dataOf(
      await zzOfficer.send<{ answerIntroduction: NeedView }>(F.answer, {
        input: {
          id: introduction.id,
          version: introduction.version,
          outcome: 'INTERESTED',
          outcomeOn: '2026-11-08',
        },
      }),
    ).answerIntroduction;
    expect(view.introductions.find((i) => i.institutionId === p.bankId)?.outcome).toBe('INTERESTED');
    // A stale answer is refused.
    expectRefused(
      await zzOfficer.send(F.answer, {
        input: {
          id: introduction.id,
          version: introduction.version,
          outcome: 'FINANCED',
          outcomeOn: '2026-11-10',
        },
      }),
      'FINANCING_INTRODUCTION_CHANGED',
    );
    const loan = await recordLoan(zzOfficer, loanInput(p, { needId: need.id }));
    expect(loan).toMatchObject({ form: 'LOAN', amountFen: '1000000000', registeredOn: '2026-11-20' });
    need = dataOf(await zzOfficer.send<{ financingNeed: NeedView }>(F.need, { id: need.id })).financingNeed;
    expect(need.status).toBe('MET');
  });

  it('on default a claim is computed from the share and the remaining ceiling, decided by an admin and paid once', async () => {
    const loan = await recordLoan(
      zzOfficer,
      loanInput(p, { grantedOn: '2026-11-12', registeredOn: '2026-11-30' }),
    );
    const claim = await fileClaim(zzOfficer, {
      financingRecordId: loan.id,
      defaultedOn: '2026-12-01',
      principalLostFen: '600000000',
    });
    expect(claim.state).toBe('FILED');
    expect(claim.actions).toEqual(['WITHDRAW']);
    // The province's 2016 measures with the scheme's defaults: half, up to ¥5,000,000 a year.
    expect(claim.preview).toMatchObject({
      shareNumerator: 1,
      shareDenominator: 2,
      perBankYearlyCeilingFen: '500000000',
      paidThisYearFen: '0',
      amountFen: '300000000',
      cappedByCeiling: false,
    });
    expectRefused(
      await zzOfficer.send(F.transitionClaim, {
        input: { id: claim.id, action: 'APPROVE', version: claim.version, text: '同意' },
      }),
      'FORBIDDEN',
    );
    const approved = dataOf(
      await zzAdmin.send<{ transitionCompensationClaim: ClaimView }>(F.transitionClaim, {
        input: { id: claim.id, action: 'APPROVE', version: claim.version, text: '符合补偿条件' },
      }),
    ).transitionCompensationClaim;
    expect(approved).toMatchObject({ state: 'APPROVED', amountFen: '300000000', actions: [], preview: null });
    expect(approved.basis).toMatchObject({ amountFen: '300000000', ceilingYear: 2026, paidThisYearFen: '0' });
    const ledger = await asAdmin((c) =>
      c.query<{ amount_fen: string; ceiling_fen: string }>(
        'SELECT amount_fen, ceiling_fen FROM compensation_ledger_entry WHERE claim_id = $1',
        [claim.id],
      ),
    );
    expect(ledger.rows).toEqual([{ amount_fen: '300000000', ceiling_fen: '500000000' }]);
    const audit = await asAdmin((c) =>
      c.query<{ action: string }>(`SELECT action FROM audit_event WHERE subject_id = $1 ORDER BY seq`, [
        claim.id,
      ]),
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'compensation_claim.file',
      'compensation_claim.approve',
      'compensation_claim.payout',
    ]);
    // Approving again: the claim is final.
    expectRefused(
      await zzAdmin.send(F.transitionClaim, {
        input: { id: claim.id, action: 'APPROVE', version: approved.version, text: '再次' },
      }),
      'COMPENSATION_CLAIM_REFUSED',
    );
    // A second claim on the same loan while the first stands is refused.
    const again = await zzOfficer.send(F.fileClaim, {
      input: { financingRecordId: loan.id, defaultedOn: '2026-12-01', principalLostFen: '1' },
    });
    expectRefused(again, 'COMPENSATION_CLAIM_ALREADY_OPEN');

    // The next default of this bank this year meets the rest of the ceiling: ¥2,000,000.
    const second = await fileClaim(zzOfficer, {
      financingRecordId: (await recordLoan(zzOfficer, loanInput(p))).id,
      defaultedOn: '2026-12-02',
      principalLostFen: '1000000000',
    });
    expect(second.preview).toMatchObject({
      shareOfLossFen: '500000000',
      paidThisYearFen: '300000000',
      remainingCeilingFen: '200000000',
      amountFen: '200000000',
      cappedByCeiling: true,
    });
    const declined = dataOf(
      await zzAdmin.send<{ transitionCompensationClaim: ClaimView }>(F.transitionClaim, {
        input: { id: second.id, action: 'DECLINE', version: second.version, text: '银行未尽追偿义务' },
      }),
    ).transitionCompensationClaim;
    expect(declined).toMatchObject({ state: 'DECLINED', amountFen: null });
  });

  it('statistics: the city its own sums, the province every city’s, another city none of them', async () => {
    type Stat = {
      tenantId: string;
      form: string;
      institutionId: string;
      year: number;
      records: number;
      amountFen: string;
    };
    const stats = async (agent: GraphqlAgent) =>
      dataOf(
        await agent.send<{ financingStatistics: Stat[] }>(F.statistics, { year: 2026 }),
      ).financingStatistics.filter((s) => s.institutionId === p.bankId);
    const expected = [
      { tenantId: p.tenantId, form: 'LOAN', year: 2026, records: 3, amountFen: '3000000000' },
    ];
    expect(await stats(zzOfficer)).toMatchObject(expected);
    expect(await stats(provOfficer)).toMatchObject(expected);
    expect(await stats(csOfficer)).toEqual([]);
  });
});
