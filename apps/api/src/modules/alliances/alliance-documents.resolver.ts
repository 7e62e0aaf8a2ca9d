import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { SignedIn } from '../../common/auth/access.decorators';
import { Ctx } from '../../common/request/current.decorators';
import { groupBy, perRequestLoader } from '../../common/request/per-request';
import type { RequestContext } from '../../common/request/request-context';
import type { DocumentEntity } from '../documents/document.entity';
import { DocumentModel, toDocumentModel } from '../documents/document.model';
import { DocumentsService } from '../documents/documents.service';
import { AllianceModel } from './alliance.model';

@Resolver(() => AllianceModel)
export class AllianceDocumentsResolver {
  constructor(private readonly files: DocumentsService) {}

  @SignedIn()
  @ResolveField(() => [DocumentModel], { description: '协议扫描件、可行性报告和附件（新上传的在前）' })
  async documents(@Ctx() ctx: RequestContext, @Parent() alliance: AllianceModel): Promise<DocumentModel[]> {
    const loader = perRequestLoader<string, DocumentEntity[]>(ctx, 'documents-by-alliance', async (ids) =>
      groupBy(ids, await this.files.ofAlliances(ctx.db, ids), (d) => d.allianceId ?? ''),
    );
    return (await loader.load(alliance.id)).map(toDocumentModel);
  }
}
