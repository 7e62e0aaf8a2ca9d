import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  declaredInvestmentFen,
  type PriorInvestment,
  priorInvestmentViolations,
  supportCeilingFen,
  verificationViolations,
  verifiedInvestmentFen,
} from './prior-investment.js';

const ONE_YUAN = 100n;
const yuan = (n: number) => (BigInt(n) * ONE_YUAN).toString();

const declared: PriorInvestment = {
  description: '中试生产线建设与关键设备购置',
  declaredFen: yuan(5_000_000),
  evidenceDocumentCount: 3,
  verification: null,
};

describe('a declaration of prior investment', () => {
  it('takes a described, positive, evidenced amount', () => {
    expect(priorInvestmentViolations(declared)).toEqual([]);
  });

  it.each<[string, Partial<PriorInvestment>, string[]]>([
    ['no description', { description: ' ' }, ['description REQUIRED']],
    ['a description too long', { description: '投'.repeat(501) }, ['description TOO_LONG']],
    ['a description with a NUL', { description: '投入\u0000' }, ['description CONTROL_CHARACTER']],
    ['nothing invested', { declaredFen: '0' }, ['declaredFen POSITIVE_FEN']],
    ['an amount in 元 with decimals', { declaredFen: '12.50' }, ['declaredFen POSITIVE_FEN']],
    ['a negative amount', { declaredFen: '-100' }, ['declaredFen POSITIVE_FEN']],
    ['no evidence', { evidenceDocumentCount: 0 }, ['evidence EVIDENCE_REQUIRED']],
  ])('refuses %s', (_name, change, rules) => {
    expect(priorInvestmentViolations({ ...declared, ...change }).map((v) => `${v.field} ${v.rule}`)).toEqual(
      rules,
    );
  });

  it('names Art. 14', () => {
    expect(priorInvestmentViolations({ ...declared, evidenceDocumentCount: 0 })[0]?.message).toBe(
      '请附上先行投入的证明材料（第十四条）',
    );
  });
});

describe('verification by the authority', () => {
  it.each<[string, { verifiedFen: string; reason: string | null; verifiedOn?: string }, string[]]>([
    ['the whole amount', { verifiedFen: yuan(5_000_000), reason: null }, []],
    ['less, with a reason', { verifiedFen: yuan(4_000_000), reason: '部分设备发票不在投入期内' }, []],
    ['nothing, with a reason', { verifiedFen: '0', reason: '证明材料与项目无关' }, []],
    ['less, without a reason', { verifiedFen: yuan(4_000_000), reason: null }, ['reason REASON_REQUIRED']],
    ['less, with a blank reason', { verifiedFen: yuan(4_000_000), reason: '  ' }, ['reason REASON_REQUIRED']],
    ['more than declared', { verifiedFen: yuan(5_000_001), reason: null }, ['verifiedFen ABOVE_DECLARED']],
    ['not an amount', { verifiedFen: '4000000.5', reason: null }, ['verifiedFen FEN']],
    [
      'on no date',
      { verifiedFen: yuan(5_000_000), reason: null, verifiedOn: '2027-02-30' },
      ['verifiedOn DATE'],
    ],
    ['a reason with a NUL', { verifiedFen: '0', reason: '无关\u0000' }, ['reason CONTROL_CHARACTER']],
  ])('%s', (_name, verification, rules) => {
    expect(
      verificationViolations(declared.declaredFen, { verifiedOn: '2027-04-01', ...verification }).map(
        (v) => `${v.field} ${v.rule}`,
      ),
    ).toEqual(rules);
  });
});

describe('the verified total and the ceiling it carries', () => {
  const verified = (declaredYuan: number, verifiedYuan: number | null): PriorInvestment => ({
    ...declared,
    declaredFen: yuan(declaredYuan),
    verification:
      verifiedYuan === null
        ? null
        : { verifiedFen: yuan(verifiedYuan), reason: '核减', verifiedOn: '2027-04-01' },
  });

  it('counts only verified amounts', () => {
    const investments = [
      verified(5_000_000, 4_000_000),
      verified(1_000_000, null),
      verified(300_000, 300_000),
    ];
    expect(verifiedInvestmentFen(investments)).toBe(yuan(4_300_000));
    expect(declaredInvestmentFen(investments)).toBe(yuan(6_300_000));
    expect(verifiedInvestmentFen([])).toBe('0');
  });

  it.each<[string, { numerator: number; denominator: number }, string]>([
    [yuan(4_000_000), { numerator: 1, denominator: 1 }, yuan(4_000_000)],
    [yuan(4_000_000), { numerator: 1, denominator: 2 }, yuan(2_000_000)],
    [yuan(4_000_000), { numerator: 3, denominator: 2 }, yuan(6_000_000)],
    [yuan(4_000_000), { numerator: 0, denominator: 1 }, '0'],
    // Rounded down to the fen: 1 分 at 1 : 3 carries nothing; 10 分 carries 3.
    ['1', { numerator: 1, denominator: 3 }, '0'],
    ['10', { numerator: 1, denominator: 3 }, '3'],
    ['100000000000000', { numerator: 100, denominator: 1 }, '10000000000000000'],
  ])('%s 分 at %j carries at most %s 分', (verifiedFen, ratio, ceiling) => {
    expect(supportCeilingFen(verifiedFen, ratio)).toBe(ceiling);
  });

  it('never lets the ceiling exceed the ratio, nor fall a whole fen short of it', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 14n }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 100 }),
        (verifiedFen, numerator, denominator) => {
          const ceiling = BigInt(supportCeilingFen(verifiedFen.toString(), { numerator, denominator }));
          const n = BigInt(numerator);
          const d = BigInt(denominator);
          expect(ceiling * d <= verifiedFen * n).toBe(true);
          expect((ceiling + 1n) * d > verifiedFen * n).toBe(true);
        },
      ),
    );
  });
});
