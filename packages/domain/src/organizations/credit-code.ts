import { OrganizationType } from './organization-type.js';

// The unified social credit code (统一社会信用代码), GB 32100-2015.
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'CREDIT_CODE_LENGTH' | 'CREDIT_CODE_CHARSET' | 'CREDIT_CODE_CHECK_CHARACTER';

export const CREDIT_CODE_PROBLEM_LABELS: Record<CreditCodeProblem, string> = {
  CREDIT_CODE_LENGTH: '统一社会信用代码应为 18 位',
  CREDIT_CODE_CHARSET: '统一社会信用代码只能包含数字和大写字母（不含 I、O、Z、S、V）',
  CREDIT_CODE_CHECK_CHARACTER: '统一社会信用代码校验位不正确，请核对',
};

export function normalizeCreditCode(code: string): string {
  return code.trim().toUpperCase();
}

/** The check character (position 18) for the first 17 characters. */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    sum += CREDIT_CODE_CHARSET.indexOf(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  }
  const check = 31 - (sum % 31);
  return CREDIT_CODE_CHARSET.charAt(check === 31 ? 0 : check);
}

export function checkCreditCode(raw: string): CreditCodeProblem | null {
  const code = normalizeCreditCode(raw);
  if (code.length !== 18) return 'CREDIT_CODE_LENGTH';
  if ([...code].some((c) => !CREDIT_CODE_CHARSET.includes(c))) return 'CREDIT_CODE_CHARSET';
  if (creditCodeCheckCharacter(code.slice(0, 17)) !== code.charAt(17)) return 'CREDIT_CODE_CHECK_CHARACTER';
  return null;
}

export type CreditCodeParts = {
  /** Position 1: 1 institution-establishment office, 5 civil affairs, 9 market regulation, … */
  registeringAuthority: string;
  category: string;
  divisionCode: string;
  organizationCode: string;
  inHunan: boolean;
};

export function parseCreditCode(raw: string): CreditCodeParts {
  const code = normalizeCreditCode(raw);
  const divisionCode = code.slice(2, 8);
  return {
    registeringAuthority: code.charAt(0),
    category: code.charAt(1),
    divisionCode,
    organizationCode: code.slice(8, 17),
    inHunan: divisionCode.startsWith('43'),
  };
}

// Which registering authorities usually register each type: public universities and institutes
// are registered by the establishment office (1), private ones by civil affairs (5); companies,
// banks and funds by market regulation (9).
const EXPECTED_AUTHORITIES: Record<OrganizationType, readonly string[] | null> = {
  ENTERPRISE: ['9'],
  BANK: ['9'],
  VENTURE_CAPITAL: ['9'],
  GUARANTEE: ['9'],
  INSURANCE: ['9'],
  UNIVERSITY: ['1', '5'],
  RESEARCH_INSTITUTE: ['1', '5', '9'],
  INTERMEDIARY: ['5', '9', '1'],
  OTHER: null,
};

/** A warning, not an error: the registering authority hints at a different organization type. */
export function creditCodeTypeMismatch(raw: string, type: OrganizationType): boolean {
  const expected = EXPECTED_AUTHORITIES[type];
  return expected !== null && !expected.includes(parseCreditCode(raw).registeringAuthority);
}
