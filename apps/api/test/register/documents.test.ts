import { MAX_DOCUMENT_BYTES } from '@xiangmeng/domain';
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminDb } from '../support/admin-db';
import {
  createUser,
  type GraphqlAgent,
  signedInAgent,
  type TestApi,
  type TestUser,
} from '../support/harness';
import {
  type AllianceView,
  dataOf,
  binaryBody,
  FILES,
  RegisterClient,
  startRegisterApi,
} from '../support/register-client';

// Uploads through REST (multipart, with the CSRF header): the type is read from the content, the
// name must agree with it, the size is bounded; a refused upload leaves no row, no file and no audit
// event. Downloads give back the very bytes; another city's document is as absent as a random id.

type DocumentBody = {
  id: string;
  kind: string;
  fileName: string;
  mediaType: string;
  sizeBytes: string;
  sha256: string;
  downloadUrl: string;
};

type ErrorBody = {
  code: string;
  message: string;
  violations?: { field: string; rule: string; message: string }[];
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('documents', () => {
  let api: TestApi & { documentsDir: string };
  let db: AdminDb;
  let officer: TestUser;
  let agent: GraphqlAgent;
  let alliance: AllianceView;
  let foreignAgent: GraphqlAgent;
  let foreignAlliance: AllianceView;

  function upload(
    who: GraphqlAgent,
    allianceId: string,
    content: Buffer,
    fileName: string,
    options: { kind?: string; csrf?: boolean } = {},
  ) {
    let req = who.raw().post('/api/documents');
    if (options.csrf !== false) req = req.set('x-xiangmeng-request', '1');
    return req
      .field('allianceId', allianceId)
      .field('kind', options.kind ?? 'ATTACHMENT')
      .attach('file', content, fileName);
  }

  function download(who: GraphqlAgent, path: string) {
    return who.raw().get(path).buffer(true).parse(binaryBody);
  }

  /** A refused upload: the status and rule, and nothing written anywhere. */
  async function refusedUpload(
    run: () => Promise<Response>,
    status: number,
    rule?: string,
  ): Promise<ErrorBody> {
    const before = await db.fingerprint(officer.tenantId);
    const files = filesUnder(api.documentsDir);
    const res = await run();
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    const body = res.body as ErrorBody;
    if (rule) {
      expect(body.code).toBe('BAD_USER_INPUT');
      expect(body.violations).toContainEqual({
        field: 'file',
        rule,
        message: expect.stringMatching(/\S/) as unknown,
      });
    }
    expect(await db.fingerprint(officer.tenantId)).toEqual(before);
    expect(filesUnder(api.documentsDir)).toEqual(files);
    return body;
  }

  beforeAll(async () => {
    api = await startRegisterApi();
    db = await AdminDb.open();
    officer = await createUser('430100', ['CITY_OFFICER']);
    agent = await signedInAgent(api, officer);
    alliance = await new RegisterClient(agent).registerAlliance();
    foreignAgent = await signedInAgent(api, await createUser('430200', ['CITY_OFFICER']));
    foreignAlliance = await new RegisterClient(foreignAgent).registerAlliance();
  });
  afterAll(async () => {
    await db.close();
    await api.close();
  });

  it.each([
    ['a PDF', FILES.pdf, '联盟协议扫描件.pdf', 'application/pdf', 'AGREEMENT_SCAN'],
    ['a PNG', FILES.png, 'signatures.PNG', 'image/png', 'ATTACHMENT'],
    ['a JPEG', FILES.jpeg, 'photo.jpg', 'image/jpeg', 'ATTACHMENT'],
    ['a JPEG named .jpeg', FILES.jpeg, 'photo.jpeg', 'image/jpeg', 'ATTACHMENT'],
    [
      'a DOCX',
      FILES.docx,
      '组建可行性报告.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'FEASIBILITY_REPORT',
    ],
  ])(
    'accepts %s, records its SHA-256 and size, and gives back the same bytes',
    async (_label, make, fileName, mediaType, kind) => {
      const content = make();
      const sha256 = createHash('sha256').update(content).digest('hex');
      const mark = await db.auditMark();
      const res = await upload(agent, alliance.id, content, fileName, { kind });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const document = res.body as DocumentBody;
      expect(document).toMatchObject({
        kind,
        fileName,
        mediaType,
        sha256,
        sizeBytes: String(content.length),
      });

      const [row] = await db.rows<{
        size_bytes: string;
        sha256: Buffer;
        tenant_id: string;
        alliance_id: string;
      }>('SELECT size_bytes, sha256, tenant_id, alliance_id FROM document WHERE id = $1', [document.id]);
      expect(row).toMatchObject({
        size_bytes: String(content.length),
        tenant_id: officer.tenantId,
        alliance_id: alliance.id,
      });
      expect(row!.sha256.toString('hex')).toBe(sha256);
      const events = await db.auditSince(mark);
      expect(events.map((e) => [e.tenant_id, e.actor_user_id, e.action, e.subject_id])).toEqual([
        [officer.tenantId, officer.id, 'document.upload', alliance.id],
      ]);

      const back = await download(agent, document.downloadUrl);
      expect(back.status).toBe(200);
      expect(back.headers['content-type']).toBe(mediaType);
      expect(back.headers['content-disposition']).toBe(
        `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      );
      expect(Buffer.compare(back.body as Buffer, content)).toBe(0);

      const listed = dataOf(
        await agent.send<{ alliance: { documents: { id: string; sha256: string }[] } }>(
          `query ($id: ID!) { alliance(id: $id) { documents { id sha256 } } }`,
          { id: alliance.id },
        ),
      ).alliance.documents;
      expect(listed).toContainEqual({ id: document.id, sha256 });
    },
  );

  it('accepts a file of exactly 20 MB', async () => {
    const content = Buffer.concat([FILES.pdf(), Buffer.alloc(MAX_DOCUMENT_BYTES)]).subarray(
      0,
      MAX_DOCUMENT_BYTES,
    );
    const res = await upload(agent, alliance.id, content, 'large.pdf');
    expect(res.status).toBe(201);
    expect((res.body as DocumentBody).sizeBytes).toBe(String(MAX_DOCUMENT_BYTES));
  });

  it.each([
    ['a PNG named .pdf', FILES.png, 'scan.pdf', 'NAME_DOES_NOT_MATCH_CONTENT'],
    ['a PDF named .docx', FILES.pdf, 'report.docx', 'NAME_DOES_NOT_MATCH_CONTENT'],
    ['a DOCX named .pdf', FILES.docx, 'report.pdf', 'NAME_DOES_NOT_MATCH_CONTENT'],
    ['a PDF without an extension', FILES.pdf, 'agreement', 'NAME_DOES_NOT_MATCH_CONTENT'],
    ['an EXE renamed .pdf', FILES.exe, 'agreement.pdf', 'UNSUPPORTED_TYPE'],
    [
      'a plain ZIP named .docx',
      () => Buffer.from('PK\x03\x04 not a document'),
      'report.docx',
      'UNSUPPORTED_TYPE',
    ],
    ['a text file', () => Buffer.from('就是一段文字'), 'note.txt', 'UNSUPPORTED_TYPE'],
    ['an empty file', () => Buffer.alloc(0), 'empty.pdf', 'EMPTY_FILE'],
  ])('refuses %s with 400 %s, writing nothing', async (_label, make, fileName, rule) => {
    await refusedUpload(() => upload(agent, alliance.id, make(), fileName), 400, rule);
  });

  it('refuses a file over 20 MB with 400 FILE_TOO_LARGE, writing nothing', async () => {
    const content = Buffer.concat([FILES.pdf(), Buffer.alloc(MAX_DOCUMENT_BYTES)]);
    await refusedUpload(() => upload(agent, alliance.id, content, 'too-large.pdf'), 400, 'FILE_TOO_LARGE');
  });

  it('refuses an unknown kind and a missing file with 400', async () => {
    const body = await refusedUpload(
      () => upload(agent, alliance.id, FILES.pdf(), 'a.pdf', { kind: 'SECRET' }),
      400,
    );
    expect(body.violations).toContainEqual(expect.objectContaining({ field: 'kind', rule: 'ONE_OF' }));
    const missing = await refusedUpload(
      () =>
        agent
          .raw()
          .post('/api/documents')
          .set('x-xiangmeng-request', '1')
          .field('allianceId', alliance.id)
          .field('kind', 'ATTACHMENT'),
      400,
    );
    expect(missing.violations).toContainEqual(expect.objectContaining({ field: 'file', rule: 'REQUIRED' }));
  });

  it('refuses an upload without the CSRF header with 400, writing nothing', async () => {
    const body = await refusedUpload(
      () => upload(agent, alliance.id, FILES.pdf(), 'a.pdf', { csrf: false }),
      400,
    );
    expect(body.code).toBe('BAD_REQUEST');
  });

  it('answers 401 to a client that is not signed in, for upload and download', async () => {
    const stranger = api.agent();
    await refusedUpload(() => upload(stranger, alliance.id, FILES.pdf(), 'a.pdf'), 401);
    const uploaded = (await upload(agent, alliance.id, FILES.pdf(), 'mine.pdf')).body as DocumentBody;
    const res = await download(stranger, uploaded.downloadUrl);
    expect(res.status).toBe(401);
    expect(Buffer.from(res.body as Buffer).toString()).not.toContain('%PDF');
  });

  it("answers another city's document exactly like a random id: 404", async () => {
    const theirs = (await upload(foreignAgent, foreignAlliance.id, FILES.pdf(), 'theirs.pdf'))
      .body as DocumentBody;
    const foreign = await download(agent, theirs.downloadUrl);
    const random = await download(agent, `/api/documents/${randomUUID()}`);
    const malformed = await download(agent, '/api/documents/not-a-uuid');
    for (const res of [foreign, random, malformed]) {
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
    }
    expect(foreign.body).toEqual(random.body);
    expect(malformed.body).toEqual(random.body);
    // The owner still has it.
    expect((await download(foreignAgent, theirs.downloadUrl)).status).toBe(200);
  });

  it("refuses an upload to another city's alliance exactly like an unknown one: 404, writing nothing", async () => {
    const theirsBefore = await db.fingerprint(foreignAlliance.tenant.id);
    const foreign = await refusedUpload(() => upload(agent, foreignAlliance.id, FILES.pdf(), 'a.pdf'), 404);
    const random = await refusedUpload(() => upload(agent, randomUUID(), FILES.pdf(), 'a.pdf'), 404);
    expect(foreign).toEqual(random);
    expect(await db.fingerprint(foreignAlliance.tenant.id)).toEqual(theirsBefore);
  });
});
