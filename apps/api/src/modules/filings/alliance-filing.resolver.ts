import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { currentFiling } from '@xiangmeng/domain';
import { SignedIn } from '../../common/auth/access.decorators';
import { groupBy, perRequestLoader } from '../../common/request/per-request';
import { Ctx } from '../../common/request/current.decorators';
import type { RequestContext } from '../../common/request/request-context';
import { AllianceModel } from '../alliances/alliance.model';
import type { FilingEntity } from './filing.entity';
import { FilingModel } from './filing.model';
import { FilingsRepository } from './filings.repository';
import { toFilingModel } from './filings.resolver';

// The register's 备案 column: an alliance's filing with the province, here rather than in the
// alliances module, which filings already depends on. One statement per page, whatever its size.
@Resolver(() => AllianceModel)
export class AllianceFilingResolver {
  constructor(private readonly filings: FilingsRepository) {}

  @SignedIn()
  @ResolveField(() => FilingModel, {
    nullable: true,
    description:
      '该联盟的备案：未失效的一项，否则最近的一项；只含当前用户可见的（市州看本市州的，省科技厅看提交以后的）',
  })
  async filing(@Ctx() ctx: RequestContext, @Parent() alliance: AllianceModel): Promise<FilingModel | null> {
    const loader = perRequestLoader<string, FilingEntity | null>(ctx, 'filing-of-alliance', async (ids) =>
      groupBy(ids, await this.filings.ofAlliances(ctx.db, ids), (f) => f.allianceId).map(currentFiling),
    );
    const filing = await loader.load(alliance.id);
    return filing ? toFilingModel(filing) : null;
  }
}
