import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response, Test } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type GraphqlAgent, signedInAgent, startTestApi, type TestApi } from '../support/harness';
import { FILES, RegisterClient } from '../support/register-client';

// Every response the process gives — pages, assets, GraphQL, downloads, health, errors — carries
// the security headers; HSTS only in production over HTTPS as the trusted proxy reports it.
// The policies are spelt out here, not imported, so a loosened policy fails this file.

type Policy = Record<string, string>;

const PAGE_POLICY: Policy = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data: blob:",
  'font-src': "'self' data:",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
  'frame-ancestors': "'none'",
};
const DATA_POLICY: Policy = { 'default-src': "'none'", 'frame-ancestors': "'none'" };

const COMMON = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
};
const HSTS = 'max-age=31536000; includeSubDomains';

type Route = { name: string; status: number; policy: Policy; request: (agent: GraphqlAgent) => Test };

function parsePolicy(header: string | undefined): Policy {
  const policy: Policy = {};
  for (const directive of (header ?? '').split(';')) {
    const [name, ...values] = directive.trim().split(/\s+/);
    if (name) policy[name] = values.join(' ');
  }
  return policy;
}

/** A built web app as the API serves it: an index.html and a hashed asset. */
function fixtureWebApp(root: string, name: string): string {
  const dir = join(root, name);
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html><head><script type="module" src="/${name}/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>`,
  );
  writeFileSync(join(dir, 'assets/index-abc123.js'), 'document.title = "ok";\n');
  return dir;
}

/** What is wrong with one response's headers; empty when all is well. */
function headerFaults(route: Route, res: Response, hsts: boolean): string[] {
  const faults: string[] = [];
  if (res.status !== route.status)
    faults.push(`${route.name}: status ${res.status}, expected ${route.status}`);
  for (const [name, value] of Object.entries(COMMON)) {
    if (res.headers[name] !== value) faults.push(`${route.name}: ${name} is ${res.headers[name]}`);
  }
  const policy = parsePolicy(res.headers['content-security-policy']);
  if (JSON.stringify(policy) !== JSON.stringify(route.policy))
    faults.push(`${route.name}: CSP is ${res.headers['content-security-policy']}`);
  const sts = res.headers['strict-transport-security'];
  if (hsts && sts !== HSTS) faults.push(`${route.name}: HSTS is ${sts}`);
  if (!hsts && sts !== undefined) faults.push(`${route.name}: HSTS over plain HTTP: ${sts}`);
  return faults;
}

describe('security headers', () => {
  let webRoot: string;
  let api: TestApi;
  let officer: GraphqlAgent;
  let routes: Route[];

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'xiangmeng-web-'));
    const webApps = { province: fixtureWebApp(webRoot, 'province'), city: fixtureWebApp(webRoot, 'city') };
    // Production behind one reverse proxy, as infra/DEPLOYMENT.md runs it.
    api = await startTestApi({ production: true, trustProxy: 1, webApps });
    officer = await signedInAgent(api, await createUser('430100', ['CITY_OFFICER']));
    const alliance = await new RegisterClient(officer).registerAlliance();
    const upload = await officer
      .raw()
      .post('/api/documents')
      .set('x-xiangmeng-request', '1')
      .field('allianceId', alliance.id)
      .field('kind', 'ATTACHMENT')
      .attach('file', FILES.pdf(), 'scan.pdf');
    expect(upload.status, upload.text).toBe(201);
    const { downloadUrl } = upload.body as { downloadUrl: string };

    routes = [
      { name: 'GET /province/', status: 200, policy: PAGE_POLICY, request: (a) => a.raw().get('/province/') },
      {
        name: 'GET /province/some/deep/route',
        status: 200,
        policy: PAGE_POLICY,
        request: (a) => a.raw().get('/province/some/deep/route'),
      },
      { name: 'GET /city/', status: 200, policy: PAGE_POLICY, request: (a) => a.raw().get('/city/') },
      {
        name: 'GET a static asset',
        status: 200,
        policy: PAGE_POLICY,
        request: (a) => a.raw().get('/city/assets/index-abc123.js'),
      },
      { name: 'GET / (redirect)', status: 302, policy: DATA_POLICY, request: (a) => a.raw().get('/') },
      {
        name: 'POST /graphql',
        status: 200,
        policy: DATA_POLICY,
        request: (a) => a.raw().post('/graphql').send({ query: '{ me { id } }' }),
      },
      {
        name: 'GET /graphql',
        status: 200,
        policy: DATA_POLICY,
        request: (a) =>
          a.raw().get('/graphql').set('apollo-require-preflight', 'true').query({ query: '{ me { id } }' }),
      },
      {
        name: 'POST /graphql, malformed JSON',
        status: 400,
        policy: DATA_POLICY,
        request: (a) => a.raw().post('/graphql').set('content-type', 'application/json').send('{"query":'),
      },
      {
        name: 'GET /api/documents/<id>',
        status: 200,
        policy: DATA_POLICY,
        request: (a) => a.raw().get(downloadUrl),
      },
      {
        name: 'GET /api/documents/<unknown id>',
        status: 404,
        policy: DATA_POLICY,
        request: (a) => a.raw().get(`/api/documents/${randomUUID()}`),
      },
      { name: 'GET /healthz', status: 200, policy: DATA_POLICY, request: (a) => a.raw().get('/healthz') },
      {
        name: 'GET /nowhere (404)',
        status: 404,
        policy: DATA_POLICY,
        request: (a) => a.raw().get('/nowhere'),
      },
      {
        name: 'POST /province/ (404)',
        status: 404,
        policy: PAGE_POLICY,
        request: (a) => a.raw().post('/province/'),
      },
    ];
  });
  afterAll(async () => {
    await api?.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('carries the headers on every route over plain HTTP, without HSTS', async () => {
    const faults: string[] = [];
    for (const route of routes) faults.push(...headerFaults(route, await route.request(officer), false));
    expect(faults).toEqual([]);
  });

  it('adds HSTS on every route when the trusted proxy reports HTTPS', async () => {
    const faults: string[] = [];
    for (const route of routes) {
      const res = await route.request(officer).set('x-forwarded-proto', 'https');
      faults.push(...headerFaults(route, res, true));
    }
    expect(faults).toEqual([]);
  });

  it.each([
    ['in production without a trusted proxy (X-Forwarded-Proto is anyone’s to send)', true, undefined],
    ['in development, even over HTTPS', false, 1],
  ])('sends no HSTS %s', async (_label, production, trustProxy) => {
    const other = await startTestApi({ production, trustProxy });
    try {
      for (const path of ['/healthz', '/nowhere']) {
        const res = await other.agent().raw().get(path).set('x-forwarded-proto', 'https');
        expect(res.headers['strict-transport-security'], path).toBeUndefined();
        expect(res.headers['x-content-type-options'], path).toBe('nosniff');
      }
      const graphql = await other.agent().raw().post('/graphql').set('x-forwarded-proto', 'https').send({
        query: '{ me { id } }',
      });
      expect(graphql.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await other.close();
    }
  });
});
