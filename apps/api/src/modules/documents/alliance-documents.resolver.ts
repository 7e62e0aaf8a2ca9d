import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { In } from 'typeorm';
import { SignedIn } from '../../common/auth/access.decorators';
import { groupBy, perRequestLoader } from '../../common/request/per-request';
import { Ctx } from '../../common/request/current.decorators';
import type { RequestContext } from '../../common/request/request-context';
import { AllianceModel } from '../alliances/alliance.model';
import { DocumentEntity } from './document.entity';
import { DocumentModel, toDocumentModel } from './document.model';

@Resolver(() => AllianceModel)
export class AllianceDocumentsResolver {
  @SignedIn()
  @ResolveField(() => [DocumentModel], { description: '协议扫描件、可行性报告和附件（新上传的在前）' })
  async documents(@Ctx() ctx: RequestContext, @Parent() alliance: AllianceModel): Promise<DocumentModel[]> {
    const loader = perRequestLoader<string, DocumentEntity[]>(ctx, 'documents-by-alliance', async (ids) =>
      groupBy(
        ids,
        await ctx.db.find(DocumentEntity, {
          where: { allianceId: In([...ids]) },
          order: { uploadedAt: 'DESC' },
        }),
        (d) => d.allianceId ?? '',
      ),
    );
    return (await loader.load(alliance.id)).map(toDocumentModel);
  }
}
