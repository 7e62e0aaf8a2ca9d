import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule, type ApiOptions } from './app.module';
import { securityHeaders, webAppContentSecurityPolicy } from './common/http/security-headers.middleware';

export type StartOptions = ApiOptions & {
  port: number;
  host?: string;
  /** Built web apps to serve: `{ province: '/path/to/dist', city: ... }`, mounted at /province/ and /city/. */
  webApps?: Partial<Record<'province' | 'city', string>>;
  /** Number of reverse proxies in front (for client addresses and Secure cookies). */
  trustProxy?: number;
  logger?: boolean;
};

export type RunningApi = { url: string; app: NestExpressApplication; close(): Promise<void> };

function serveWebApp(app: NestExpressApplication, mount: string, dir: string): void {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) throw new Error(`web app for ${mount} is not built: ${index} is missing`);
  app.use(mount, webAppContentSecurityPolicy);
  app.use(mount, express.static(dir, { index: false, maxAge: '1h', immutable: false }));
  // Client-side routes fall back to the app's page.
  app.use(mount, (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET') return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

export async function startApi(options: StartOptions): Promise<RunningApi> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(options), {
    logger: options.logger === false ? false : ['error', 'warn'],
    bodyParser: true,
  });
  app.disable('x-powered-by');
  if (options.trustProxy) app.set('trust proxy', options.trustProxy);
  app.use(securityHeaders({ production: options.production }));
  app.use(cookieParser());
  app.use('/healthz', (_req: Request, res: Response) => res.json({ status: 'ok' }));
  for (const [name, dir] of Object.entries(options.webApps ?? {})) {
    if (dir) serveWebApp(app, `/${name}`, dir);
  }
  if (options.webApps?.province) {
    app.use((req: Request, res: Response, next: NextFunction) =>
      req.path === '/' ? res.redirect('/province/') : next(),
    );
  }
  app.enableShutdownHooks();
  await app.listen(options.port, options.host ?? '127.0.0.1');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return { url: `http://${options.host ?? '127.0.0.1'}:${port}`, app, close: () => app.close() };
}

export { runMigrations } from './database/data-source';
export { verifyAuditChains } from './modules/audit/audit-chain';
// Passwords written outside the API (the demo seed) are hashed as the API hashes them.
export { ARGON2_POLICY } from './modules/sessions/password-hasher';
export {
  exportChainHeads,
  signChainHeads,
  verifyAgainstHeads,
  verifyChainHeadSignature,
} from './modules/audit/chain-head';
export { s3ConfigFromEnv } from './modules/documents/s3-storage';
