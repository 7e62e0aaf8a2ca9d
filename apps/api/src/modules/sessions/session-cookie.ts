import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'xm_session';

export type CookieSettings = { secure: boolean };

/** The cookie settings of this deployment (Secure behind HTTPS), provided by the app module. */
export abstract class CookieSettingsProvider implements CookieSettings {
  abstract readonly secure: boolean;
}

export function readSessionToken(req: Request): string | null {
  const cookies = req.cookies as Record<string, string | undefined> | undefined;
  const token = cookies?.[SESSION_COOKIE];
  return typeof token === 'string' && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}

// The browser forgets the cookie when the browser closes; the server enforces idle and absolute expiry.
export function writeSessionCookie(res: Response, token: string, settings: CookieSettings): void {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: settings.secure, path: '/' });
}

export function clearSessionCookie(res: Response, settings: CookieSettings): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: settings.secure, path: '/' });
}
