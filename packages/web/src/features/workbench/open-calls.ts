// What the workbench lists as open now: a published window that has opened and not yet closed.

export type OpenWindow = { key: string; kind: string; title: string; closesAt: string; href: string };

export function isOpenAt(
  window: { status: string; opensAt: string; closesAt: string },
  now: number,
): boolean {
  return (
    window.status === 'PUBLISHED' && Date.parse(window.opensAt) <= now && now < Date.parse(window.closesAt)
  );
}

/** Whole days left until `closesAt` (0 on the last day), for the 剩 N 天 beside a deadline. */
export function daysLeft(closesAt: string, now: number): number {
  return Math.max(0, Math.floor((Date.parse(closesAt) - now) / 86_400_000));
}

/** Soonest closing first. */
export function byClosing(a: OpenWindow, b: OpenWindow): number {
  return Date.parse(a.closesAt) - Date.parse(b.closesAt);
}
