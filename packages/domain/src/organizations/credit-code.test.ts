import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkCreditCode,
  CREDIT_CODE_CHARSET,
  creditCodeCheckCharacter,
  creditCodeTypeMismatch,
  parseCreditCode,
} from './credit-code.js';

// The example printed in GB 32100-2015, and two fictional Hunan codes with computed check characters.
const KNOWN_VALID = ['91350100M000100Y43', '91430100707215199N', '12430000444885083N'];

const body17 = fc
  .array(fc.constantFrom(...CREDIT_CODE_CHARSET), { minLength: 17, maxLength: 17 })
  .map((chars) => chars.join(''));

describe('unified social credit code', () => {
  it.each(KNOWN_VALID)('accepts %s', (code) => {
    expect(checkCreditCode(code)).toBeNull();
  });

  it.each([
    ['91350100M000100Y4', 'CREDIT_CODE_LENGTH'],
    ['91350100M000100Y431', 'CREDIT_CODE_LENGTH'],
    ['91350100M000100YI3', 'CREDIT_CODE_CHARSET'],
    ['91350100M000100Y4O', 'CREDIT_CODE_CHARSET'],
    ['91350100M000100Y44', 'CREDIT_CODE_CHECK_CHARACTER'],
    ['', 'CREDIT_CODE_LENGTH'],
  ])('refuses %s: %s', (code, problem) => {
    expect(checkCreditCode(code)).toBe(problem);
  });

  it('accepts lower case and spaces around, as typed', () => {
    expect(checkCreditCode(' 91350100m000100y43 ')).toBeNull();
  });

  it('accepts every code whose check character is computed, and no other final character', () => {
    fc.assert(
      fc.property(body17, fc.constantFrom(...CREDIT_CODE_CHARSET), (body, last) => {
        const valid = creditCodeCheckCharacter(body);
        expect(checkCreditCode(body + valid)).toBeNull();
        if (last !== valid) expect(checkCreditCode(body + last)).toBe('CREDIT_CODE_CHECK_CHARACTER');
      }),
    );
  });

  it('catches any single changed character', () => {
    fc.assert(
      fc.property(body17, fc.nat(16), fc.constantFrom(...CREDIT_CODE_CHARSET), (body, index, replacement) => {
        fc.pre(body.charAt(index) !== replacement);
        const code = body + creditCodeCheckCharacter(body);
        const changed = code.slice(0, index) + replacement + code.slice(index + 1);
        expect(checkCreditCode(changed)).toBe('CREDIT_CODE_CHECK_CHARACTER');
      }),
    );
  });

  it('reads the registering authority and the division', () => {
    expect(parseCreditCode('91430100707215199N')).toMatchObject({
      registeringAuthority: '9',
      divisionCode: '430100',
      inHunan: true,
    });
    expect(parseCreditCode('91350100M000100Y43').inHunan).toBe(false);
  });

  it.each([
    ['91430100707215199N', 'ENTERPRISE', false],
    ['91430100707215199N', 'UNIVERSITY', true],
    ['12430000444885083N', 'UNIVERSITY', false],
    ['12430000444885083N', 'ENTERPRISE', true],
    ['12430000444885083N', 'OTHER', false],
  ] as const)('%s declared %s → mismatch %s', (code, type, mismatch) => {
    expect(creditCodeTypeMismatch(code, type)).toBe(mismatch);
  });
});
