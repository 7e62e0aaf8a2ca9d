// Dates of legal effect are calendar dates in China Standard Time (UTC+8, no daylight saving),
// written YYYY-MM-DD so that they compare as strings.
const CST_OFFSET_MS = 8 * 3_600_000;

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The calendar date in China at an instant. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** "YYYY-MM-DD HH:mm" at an instant, in China time. */
export function chinaDateTime(instant: Date): string {
  return new Date(instant.getTime() + CST_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** A calendar date `days` later (or earlier), as YYYY-MM-DD. */
export function addCalendarDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
