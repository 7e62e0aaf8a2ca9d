import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BalanceGrouping,
  type LedgerEntry,
  type LedgerProject,
  ledgerBalances,
  ledgerTotals,
  recoverableFen,
  recoveryViolations,
  revocationRecoveryViolations,
  trancheRoomFen,
  trancheViolations,
} from './project-ledger.js';
import { ProjectState } from './project-lifecycle.js';

const yuan = (n: number) => (BigInt(n) * 100n).toString();
const project = { projectId: 'p1', awardFen: yuan(3_000_000), state: 'IN_PROGRESS' as ProjectState };
const pay = (amount: number, on = '2027-08-01', projectId = 'p1'): LedgerEntry => ({
  projectId,
  kind: 'DISBURSEMENT',
  amountFen: yuan(amount),
  on,
});
const recover = (amount: number, on = '2028-03-01', projectId = 'p1'): LedgerEntry => ({
  projectId,
  kind: 'RECOVERY',
  amountFen: yuan(amount),
  on,
});
const rules = (v: { field: string; rule: string }[]) => v.map((x) => `${x.field} ${x.rule}`);

describe('a tranche', () => {
  it.each<[string, LedgerEntry[], string, ProjectState, string[]]>([
    // The story: a first tranche of ¥1,500,000 on a ¥3,000,000 award.
    ['the first tranche', [], yuan(1_500_000), 'IN_PROGRESS', []],
    ['the rest of the award', [pay(1_500_000)], yuan(1_500_000), 'IN_PROGRESS', []],
    [
      'a fen past the award',
      [pay(1_500_000)],
      (BigInt(yuan(1_500_000)) + 1n).toString(),
      'IN_PROGRESS',
      ['amountFen ABOVE_AWARD'],
    ],
    ['anything once all is paid', [pay(3_000_000)], '1', 'IN_PROGRESS', ['amountFen ABOVE_AWARD']],
    [
      'past the award though some was recovered',
      [pay(3_000_000), recover(500_000)],
      yuan(500_000),
      'IN_PROGRESS',
      ['amountFen ABOVE_AWARD'],
    ],
    [
      'another project’s payments do not count',
      [pay(3_000_000, '2027-08-01', 'p2')],
      yuan(3_000_000),
      'IN_PROGRESS',
      [],
    ],
    ['while a change waits', [], yuan(1), 'CHANGE_REQUESTED', []],
    ['the final payment after acceptance', [pay(2_000_000)], yuan(1_000_000), 'COMPLETED', []],
    ['to a frozen project', [], yuan(1), 'FROZEN', ['projectId PROJECT_FROZEN']],
    ['to a revoked project', [], yuan(1), 'REVOKED', ['projectId PROJECT_NOT_DISBURSABLE']],
    ['to a terminated project', [], yuan(1), 'TERMINATED', ['projectId PROJECT_NOT_DISBURSABLE']],
    ['to a failed project', [], yuan(1), 'FAILED', ['projectId PROJECT_NOT_DISBURSABLE']],
    ['of nothing', [], '0', 'IN_PROGRESS', ['amountFen POSITIVE_FEN']],
    ['in 元 with decimals', [], '1500000.00', 'IN_PROGRESS', ['amountFen POSITIVE_FEN']],
    [
      'frozen and too large',
      [pay(3_000_000)],
      yuan(1),
      'FROZEN',
      ['projectId PROJECT_FROZEN', 'amountFen ABOVE_AWARD'],
    ],
  ])('%s', (_name, entries, amount, state, expected) => {
    expect(rules(trancheViolations({ ...project, state }, entries, amount))).toEqual(expected);
  });

  it('says how much may still be paid', () => {
    expect(trancheRoomFen(project, [pay(1_500_000)])).toBe(yuan(1_500_000));
    expect(trancheViolations(project, [pay(1_500_000)], yuan(2_000_000))[0]?.message).toBe(
      '累计拨付不能超过立项支持金额 3,000,000.00 元（尚可拨付 1,500,000.00 元）',
    );
  });
});

describe('a recovery', () => {
  it.each<[string, LedgerEntry[], string, string[]]>([
    // The story: ¥500,000 recovered of ¥1,500,000 paid.
    ['part of what was paid', [pay(1_500_000)], yuan(500_000), []],
    ['all of it', [pay(1_500_000)], yuan(1_500_000), []],
    ['more than was paid', [pay(1_500_000)], yuan(1_500_001), ['amountFen ABOVE_NET_PAID']],
    [
      'more than is left after a recovery',
      [pay(1_500_000), recover(1_000_000)],
      yuan(600_000),
      ['amountFen ABOVE_NET_PAID'],
    ],
    ['anything, nothing paid', [], '1', ['amountFen ABOVE_NET_PAID']],
    ['nothing', [pay(1)], '0', ['amountFen POSITIVE_FEN']],
  ])('%s', (_name, entries, amount, expected) => {
    expect(rules(recoveryViolations('p1', entries, amount))).toEqual(expected);
  });

  it.each<[string, string | null, string[]]>([
    ['nothing to recover', '0', []],
    ['a recovery within what was paid', yuan(500_000), []],
    ['more than was paid', yuan(2_000_000), ['recoveryFen ABOVE_NET_PAID']],
    ['no amount stated', null, ['recoveryFen FEN']],
    ['a negative amount', '-1', ['recoveryFen FEN']],
  ])('a revocation stating %s', (_name, recovery, expected) => {
    expect(rules(revocationRecoveryViolations('p1', [pay(1_500_000)], recovery))).toEqual(expected);
  });
});

describe('balances read from the ledger', () => {
  const projects: LedgerProject[] = [
    {
      projectId: 'p1',
      programmeId: 'plan-2027',
      cityTenantId: '430200',
      awardFen: yuan(3_000_000),
      awardedOn: '2027-06-30',
    },
    {
      projectId: 'p2',
      programmeId: 'plan-2027',
      cityTenantId: '430100',
      awardFen: yuan(2_000_000),
      awardedOn: '2027-06-30',
    },
    {
      projectId: 'p3',
      programmeId: 'fund-2028',
      cityTenantId: '430200',
      awardFen: yuan(1_000_000),
      awardedOn: '2028-05-01',
    },
  ];
  const entries: LedgerEntry[] = [
    pay(1_500_000, '2027-08-01', 'p1'),
    pay(1_000_000, '2027-09-01', 'p2'),
    pay(500_000, '2028-06-01', 'p3'),
    recover(500_000, '2028-03-01', 'p1'),
  ];

  it.each<[BalanceGrouping, [string, number, number, number, number][]]>([
    [
      'PROJECT',
      [
        ['p1', 3_000_000, 1_500_000, 500_000, 1_000_000],
        ['p2', 2_000_000, 1_000_000, 0, 1_000_000],
        ['p3', 1_000_000, 500_000, 0, 500_000],
      ],
    ],
    [
      'PROGRAMME',
      [
        ['fund-2028', 1_000_000, 500_000, 0, 500_000],
        ['plan-2027', 5_000_000, 2_500_000, 500_000, 2_000_000],
      ],
    ],
    [
      'CITY',
      [
        ['430100', 2_000_000, 1_000_000, 0, 1_000_000],
        ['430200', 4_000_000, 2_000_000, 500_000, 1_500_000],
      ],
    ],
    [
      'YEAR',
      [
        ['2027', 5_000_000, 2_500_000, 0, 2_500_000],
        ['2028', 1_000_000, 500_000, 500_000, 0],
      ],
    ],
  ])('by %s', (by, expected) => {
    expect(ledgerBalances(projects, entries, by)).toEqual(
      expected.map(([key, awarded, disbursed, recovered, net]) => ({
        key,
        awardedFen: yuan(awarded),
        disbursedFen: yuan(disbursed),
        recoveredFen: yuan(recovered),
        netFen: yuan(net),
      })),
    );
  });

  it('lists a project with no entries yet, and refuses an entry of an unknown project', () => {
    expect(ledgerBalances(projects.slice(0, 1), [], 'PROJECT')).toEqual([
      { key: 'p1', awardedFen: yuan(3_000_000), disbursedFen: '0', recoveredFen: '0', netFen: '0' },
    ]);
    expect(() => ledgerBalances(projects.slice(0, 1), [pay(1, '2027-01-01', 'p9')], 'CITY')).toThrow(/p9/);
  });
});

describe('the ledger’s invariants under any sequence of requests', () => {
  const request = fc.record({
    projectId: fc.constantFrom('p1', 'p2'),
    kind: fc.constantFrom('DISBURSEMENT' as const, 'RECOVERY' as const),
    amountFen: fc.bigInt({ min: 0n, max: 4n * 10n ** 8n }).map(String),
    day: fc.integer({ min: 0, max: 1500 }),
    state: fc.constantFrom(...Object.values(ProjectState)),
  });
  const projects: LedgerProject[] = [
    {
      projectId: 'p1',
      programmeId: 'a',
      cityTenantId: '430200',
      awardFen: yuan(3_000_000),
      awardedOn: '2027-06-30',
    },
    {
      projectId: 'p2',
      programmeId: 'b',
      cityTenantId: '430100',
      awardFen: yuan(1_000_000),
      awardedOn: '2028-06-30',
    },
  ];

  it('never disburses past the award, never recovers past net paid, and every grouping adds up alike', () => {
    fc.assert(
      fc.property(fc.array(request, { maxLength: 40 }), (requests) => {
        const ledger: LedgerEntry[] = [];
        for (const r of requests) {
          const p = projects.find((x) => x.projectId === r.projectId)!;
          const on = new Date(Date.UTC(2027, 6, 1 + r.day)).toISOString().slice(0, 10);
          const refused =
            r.kind === 'DISBURSEMENT'
              ? trancheViolations({ ...p, state: r.state }, ledger, r.amountFen)
              : recoveryViolations(p.projectId, ledger, r.amountFen);
          if (refused.length === 0)
            ledger.push({ projectId: p.projectId, kind: r.kind, amountFen: r.amountFen, on });
          // A frozen or ended project never receives a tranche.
          if (r.kind === 'DISBURSEMENT' && ['FROZEN', 'FAILED', 'TERMINATED', 'REVOKED'].includes(r.state))
            expect(refused.length).toBeGreaterThan(0);
        }
        for (const p of projects) {
          const totals = ledgerTotals(ledger.filter((e) => e.projectId === p.projectId));
          expect(BigInt(totals.disbursedFen) <= BigInt(p.awardFen)).toBe(true);
          expect(BigInt(totals.recoveredFen) <= BigInt(totals.disbursedFen)).toBe(true);
          expect(totals.netFen).toBe(recoverableFen(p.projectId, ledger));
        }
        const total = ledgerTotals(ledger);
        for (const by of ['PROJECT', 'PROGRAMME', 'CITY', 'YEAR'] as const) {
          const balances = ledgerBalances(projects, ledger, by);
          const add = (k: 'awardedFen' | 'disbursedFen' | 'recoveredFen' | 'netFen') =>
            balances.reduce((s, b) => s + BigInt(b[k]), 0n).toString();
          expect(add('awardedFen')).toBe(yuan(4_000_000));
          expect(add('disbursedFen')).toBe(total.disbursedFen);
          expect(add('recoveredFen')).toBe(total.recoveredFen);
          expect(add('netFen')).toBe(total.netFen);
        }
      }),
    );
  });
});
