import type { Dayjs } from 'dayjs';
import { chinaDateTime as chinaDateTimeAt, yuanToFen as toFen } from '@xiangmeng/domain';
import dayjs from 'dayjs';

// Instants are shown and entered as China time (UTC+8, no daylight saving), whatever the
// browser's own zone; money is integer fen carried as a string, entered and shown in 元.

/** "YYYY-MM-DD HH:mm" in China time, or "—" when there is no instant. */
export function chinaDateTime(iso: string | null | undefined): string {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(ms) ? '—' : chinaDateTimeAt(new Date(ms));
}

/** The China wall-clock time of an instant, as a picker value. */
export function chinaPickerValue(iso: string): Dayjs {
  return dayjs(chinaDateTime(iso), 'YYYY-MM-DD HH:mm');
}

/** A picker's wall-clock value read as China time, as the instant the API stores. */
export function instantFromChinaPicker(value: Dayjs): string {
  return new Date(`${value.format('YYYY-MM-DDTHH:mm')}:00+08:00`).toISOString();
}

/** Whether a typed amount is 元 with at most two decimals (分), within the ceiling of the domain. */
export function isYuanAmount(text: string): boolean {
  return toFen(text) !== null;
}

/** '12.34' 元 → '1234' 分, by string arithmetic (never a float). */
export function yuanToFen(text: string): string {
  const fen = toFen(text);
  if (fen === null) throw new Error(`not an amount in 元: ${text}`);
  return fen;
}

/** '1234' 分 → '12.34' (for inputs); whole 元 without decimals. */
export function fenToYuan(fen: string): string {
  if (!/^\d+$/.test(fen)) return fen;
  const value = BigInt(fen);
  const whole = (value / 100n).toString();
  const cents = (value % 100n).toString().padStart(2, '0');
  return cents === '00' ? whole : `${whole}.${cents}`;
}

/** '123456789' 分 → '1,234,567.89 元' for display, by integer arithmetic only. */
export function formatFen(fen: string): string {
  if (!/^-?\d+$/.test(fen)) return `${fen} 元`;
  const value = BigInt(fen);
  const abs = value < 0n ? -value : value;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${value < 0n ? '-' : ''}${whole}.${cents} 元`;
}
