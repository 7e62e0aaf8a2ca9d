// Money is integer fen (分), carried as a decimal string because it may exceed 2^53; never a float.

/** The largest amount an application may state: 10^14 分 (one trillion 元). */
export const MAX_FEN = 10n ** 14n;

/** A non-negative whole number of 分, at most MAX_FEN. */
export function isFen(text: string): boolean {
  return /^\d{1,15}$/.test(text) && BigInt(text) <= MAX_FEN;
}

const YUAN = /^(\d{1,12})(?:\.(\d{1,2}))?$/;

/** '12.34' 元 → '1234' 分 by string arithmetic; null when it is not an amount in 元 up to MAX_FEN. */
export function yuanToFen(text: string): string | null {
  const match = YUAN.exec(text.trim());
  if (!match) return null;
  const [, whole = '0', cents = ''] = match;
  const fen = BigInt(whole) * 100n + BigInt(cents.padEnd(2, '0') || '0');
  return fen <= MAX_FEN ? fen.toString() : null;
}

/** '123456789' 分 → '1,234,567.89 元', by integer arithmetic only (the refusals' wording). */
export function formatYuan(fen: string | bigint): string {
  const value = BigInt(fen);
  const abs = value < 0n ? -value : value;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${value < 0n ? '-' : ''}${whole}.${cents} 元`;
}
