import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import type { DocumentEntity } from '../documents/document.entity';
import type { DocumentsService, Upload } from '../documents/documents.service';
import type { StagedUpload } from '../documents/upload-staging';
import { AllianceDocumentsService } from './alliance-documents.service';
import type { AllianceEntity } from './alliance.entity';
import type { AlliancesService } from './alliances.service';

// An upload reaches documents only through the alliance's gate: own tenant's, not dissolved.

const officer: Viewer = {
  userId: 'u-officer',
  tenantId: 't-changsha',
  tenantLevel: 'CITY',
  roles: ['CITY_OFFICER'],
  sessionId: 's1',
};
const upload = { staged: {} as StagedUpload, allianceId: 'a1', kind: 'ATTACHMENT' } satisfies Upload;

function setup(gate: AllianceEntity | AppError) {
  const stored: Upload[] = [];
  const alliances: Partial<AlliancesService> = {
    changeable: () => (gate instanceof AppError ? Promise.reject(gate) : Promise.resolve(gate)),
  };
  const documents: Partial<DocumentsService> = {
    store: (_ctx, _viewer, u) => (stored.push(u), Promise.resolve({ id: 'd1' } as DocumentEntity)),
  };
  const service = new AllianceDocumentsService(alliances as AlliancesService, documents as DocumentsService);
  return { service, stored, ctx: { db: {} as EntityManager } as RequestContext };
}

describe('uploading to an alliance’s file', () => {
  it('stores the file under the alliance the gate let through', async () => {
    const { service, stored, ctx } = setup({ id: 'a1' } as AllianceEntity);
    await service.upload(ctx, officer, upload);
    expect(stored).toEqual([upload]);
  });

  it('stores nothing for a dissolved alliance or one the viewer may not change', async () => {
    for (const refusal of [new AppError('ALLIANCE_DISSOLVED'), new AppError('NOT_FOUND')]) {
      const { service, stored, ctx } = setup(refusal);
      await expect(service.upload(ctx, officer, upload)).rejects.toBe(refusal);
      expect(stored).toEqual([]);
    }
  });
});
