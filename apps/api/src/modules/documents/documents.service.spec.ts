import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../common/clock';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import type { AuditEntry, AuditService } from '../audit/audit.service';
import type { DocumentStorage } from './document-storage';
import type { DocumentEntity } from './document.entity';
import type { DocumentsRepository, NewDocument } from './documents.repository';
import { DocumentsService } from './documents.service';
import type { StagedUpload } from './upload-staging';

// A matcher for part of an object (typed unknown: expect's own asymmetric matchers are any).
const like = (part: object): unknown => expect.objectContaining(part);

// Keeping and handing out files with the repository and the store stubbed: the kind and the
// content are checked before anything is kept, content and row go together (the content leaves
// again if the transaction rolls back), and an expert reaches only an assigned dossier's files.

const officer: Viewer = {
  userId: 'u-officer',
  tenantId: 't-changsha',
  tenantLevel: 'CITY',
  roles: ['CITY_OFFICER'],
  sessionId: 's1',
};
const now = new Date('2026-12-05T02:00:00Z');
const allianceId = '7d4c1f6e-0000-4000-8000-000000000001';
const documentId = '7d4c1f6e-0000-4000-8000-0000000000d0';

function staged(fileName: string, head: string): StagedUpload {
  return {
    path: '/staging/x.upload',
    fileName,
    sizeBytes: 2048,
    sha256: Buffer.alloc(32, 7),
    head: Buffer.from(head),
  };
}
const pdf = staged(' 联盟协议.pdf ', '%PDF-1.7\n');

function setup(options: { attached?: boolean; stored?: DocumentEntity | null } = {}) {
  const audits: AuditEntry[] = [];
  const kept: string[] = [];
  const removed: string[] = [];
  const rows: NewDocument[] = [];
  const rollbacks: (() => Promise<void>)[] = [];
  const documents: Partial<DocumentsRepository> = {
    insert: (_db, d) => (rows.push(d), Promise.resolve({ ...d, id: documentId })),
    find: () =>
      Promise.resolve(
        options.stored === undefined
          ? ({ id: documentId, tenantId: 't-changsha' } as DocumentEntity)
          : options.stored,
      ),
    attachedToVisibleApplication: () => Promise.resolve(options.attached ?? false),
  };
  const storage: Partial<DocumentStorage> = {
    putFile: (key) => (kept.push(key), Promise.resolve()),
    remove: (key) => (removed.push(key), Promise.resolve()),
  };
  const audit = { record: (_db: unknown, e: AuditEntry) => (audits.push(e), Promise.resolve()) };
  const clock: Clock = { now: () => now };
  const service = new DocumentsService(
    documents as DocumentsRepository,
    storage as DocumentStorage,
    audit as unknown as AuditService,
    clock,
  );
  const ctx = {
    db: {} as EntityManager,
    viewer: officer,
    onRollback: (undo: () => Promise<void>) => rollbacks.push(undo),
  } as unknown as RequestContext;
  return { service, ctx, audits, kept, removed, rows, rollbacks };
}

describe('storing an upload', () => {
  it('keeps content and row under the alliance, undoes the content on rollback, audits the hash', async () => {
    const { service, ctx, audits, kept, removed, rows, rollbacks } = setup();
    const document = await service.store(ctx, officer, { staged: pdf, allianceId, kind: 'AGREEMENT_SCAN' });
    expect(document).toMatchObject({
      id: documentId,
      fileName: '联盟协议.pdf',
      mediaType: 'application/pdf',
    });
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatch(new RegExp(`^t-changsha/${allianceId}/[0-9a-f-]{36}$`));
    expect(rows).toEqual([
      like({
        storageKey: kept[0],
        sizeBytes: '2048',
        uploadedBy: 'u-officer',
        uploadedAt: now,
      }),
    ]);
    await Promise.all(rollbacks.map((undo) => undo()));
    expect(removed).toEqual(kept);
    expect(audits).toEqual([
      like({
        action: 'document.upload',
        subjectId: allianceId,
        after: like({ sha256: '07'.repeat(32) }),
      }),
    ]);
  });

  it('refuses an unknown kind or a file that is not what it says before keeping anything', async () => {
    for (const [upload, rule] of [
      [{ staged: pdf, allianceId, kind: 'PHOTO' }, 'ONE_OF'],
      [{ staged: staged('协议.pdf', 'GIF89a'), allianceId, kind: 'AGREEMENT_SCAN' }, undefined],
    ] as const) {
      const { service, ctx, kept, rows, audits } = setup();
      await expect(service.store(ctx, officer, upload)).rejects.toMatchObject({
        extensions: like({
          code: 'BAD_USER_INPUT',
          violations: [like({ field: rule ? 'kind' : 'file', ...(rule ? { rule } : {}) })],
        }),
      });
      expect(kept).toEqual([]);
      expect(rows).toEqual([]);
      expect(audits).toEqual([]);
    }
  });
});

describe('handing out a document', () => {
  const expert: Viewer = { ...officer, userId: 'u-expert', roles: ['EXPERT'] };

  it('gives staff a document they can see, and NOT_FOUND for junk or one they cannot', async () => {
    const { service, ctx } = setup();
    await expect(service.byId(ctx, documentId)).resolves.toMatchObject({ id: documentId });
    const hidden = setup({ stored: null });
    await expect(hidden.service.byId(hidden.ctx, 'not-an-id')).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('gives an expert only a document attached to a dossier they can see', async () => {
    const assigned = setup({ attached: true });
    await expect(
      assigned.service.byId({ ...assigned.ctx, viewer: expert }, documentId),
    ).resolves.toMatchObject({
      id: documentId,
    });
    const other = setup({ attached: false });
    await expect(other.service.byId({ ...other.ctx, viewer: expert }, documentId)).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
  });
});
