import { ISO_3166_1 } from './iso-3166-1.data.js';

// Countries and regions (ISO 3166-1), the standard list foreign partners are named from.

export type Country = {
  /** ISO 3166-1 alpha-2, the code stored. */
  code: string;
  alpha3: string;
  numeric: string;
  /** Chinese name, as the UI shows it. */
  name: string;
  englishName: string;
  /** Hong Kong, Macao and Taiwan: regions (地区) of China rather than countries. */
  regionOfChina: boolean;
};

/** China itself: not a foreign partner's country. */
export const CHINA_CODE = 'CN';
const REGIONS_OF_CHINA = new Set(['HK', 'MO', 'TW']);

export const COUNTRIES: readonly Country[] = ISO_3166_1.map(([code, alpha3, numeric, name, englishName]) => ({
  code,
  alpha3,
  numeric,
  name,
  englishName,
  regionOfChina: REGIONS_OF_CHINA.has(code),
}));

const BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c] as const));

/** Alpha-2 code → Chinese name, the form the particulars' schema takes its codes in. */
export const COUNTRY_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  COUNTRIES.map((c) => [c.code, c.name]),
);

/** The country or region a stored code names, or null for one the list does not hold. */
export function countryOf(code: unknown): Country | null {
  return typeof code === 'string' ? (BY_CODE.get(code) ?? null) : null;
}

/** The Chinese name, or the code itself when the list does not know it (an old record). */
export function countryName(code: string): string {
  return BY_CODE.get(code)?.name ?? code;
}
