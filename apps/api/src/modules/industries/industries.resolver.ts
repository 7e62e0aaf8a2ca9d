import { Query, Resolver } from '@nestjs/graphql';
import { SignedIn } from '../../common/auth/access.decorators';
import { Ctx } from '../../common/request/current.decorators';
import type { RequestContext } from '../../common/request/request-context';
import { IndustriesRepository } from './industries.repository';
import { IndustryModel, toIndustryModel } from './industry.model';

@Resolver(() => IndustryModel)
export class IndustriesResolver {
  constructor(private readonly taxonomy: IndustriesRepository) {}

  @SignedIn()
  @Query(() => [IndustryModel], { description: '产业分类，按国家和湖南的分类顺序' })
  async industries(@Ctx() ctx: RequestContext): Promise<IndustryModel[]> {
    return (await this.taxonomy.list(ctx.db)).map(toIndustryModel);
  }
}
