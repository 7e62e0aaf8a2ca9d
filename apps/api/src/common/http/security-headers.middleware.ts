import type { NextFunction, Request, RequestHandler, Response } from 'express';

// The pages of /province/ and /city/. Scripts come only from the build's own files (its index.html
// has no inline script); styles may be inline because antd's CSS-in-JS writes <style> elements at
// run time, and a nonce would need every page rewritten per request and passed to antd.
export const WEB_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

// Everything else (GraphQL, downloads, exports, health, errors) is data, never a page to render.
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export const HSTS = 'max-age=31536000; includeSubDomains';

/** Headers for every response; the web app mounts replace the CSP with the page policy. */
export function securityHeaders(options: { production: boolean }): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', API_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // frame-ancestors for current browsers, X-Frame-Options for old ones.
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    // req.secure sees HTTPS at the proxy only when TRUST_PROXY says the proxy is ours. Development
    // stays on plain HTTP: a pinned http://localhost would be unreachable for a year.
    if (options.production && req.secure) res.setHeader('Strict-Transport-Security', HSTS);
    next();
  };
}

export function webAppContentSecurityPolicy(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Content-Security-Policy', WEB_APP_CSP);
  next();
}
