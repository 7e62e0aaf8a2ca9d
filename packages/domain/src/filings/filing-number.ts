// The number a filing receives when FILED: 湘盟备〔YYYY〕N号, N counting from 1 within the year
// without gaps (the API assigns it inside the transaction that files). Written with the
// hexagonal brackets 〔〕 of official document numbers (GB/T 9704).

export const FILING_NUMBER_PREFIX = '湘盟备';

export type FilingNumber = { year: number; sequence: number };

const MIN_YEAR = 2016;
const MAX_YEAR = 9999;

function valid({ year, sequence }: FilingNumber): boolean {
  return (
    Number.isInteger(year) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    Number.isSafeInteger(sequence) &&
    sequence >= 1
  );
}

export function formatFilingNumber(number: FilingNumber): string {
  if (!valid(number)) throw new RangeError(`not a filing number: ${number.year}/${number.sequence}`);
  return `${FILING_NUMBER_PREFIX}〔${number.year}〕${number.sequence}号`;
}

// People type the brackets as they can: 〔〕 is canonical; [], 【】, ［］, （）, () and ﹝﹞ are read
// as it. No leading zeros: 湘盟备〔2027〕03号 is not a number this register gives.
const PATTERN = /^湘盟备\s*[〔[【［（(﹝]\s*(\d{4})\s*[〕\]】］）)﹞]\s*([1-9]\d*)\s*号$/;

/** The year and sequence of a filing number as written or typed; null when it is not one. */
export function parseFilingNumber(text: string): FilingNumber | null {
  const match = PATTERN.exec(text.trim());
  if (!match) return null;
  const number = { year: Number(match[1]), sequence: Number(match[2]) };
  return valid(number) ? number : null;
}
