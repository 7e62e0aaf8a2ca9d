import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { STAFF_ROLES } from '@xiangmeng/domain';
import { Allow } from '../../common/auth/access.decorators';
import { Ctx, CurrentViewer } from '../../common/request/current.decorators';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { IpAssetFilterInput, RecordIpAssetInput, RecordIpLicenceInput } from './dto/ip-register.input';
import {
  IpAssetModel,
  IpAssetPageModel,
  IpLicenceModel,
  IpLicenceShareModel,
  ProjectIpRegisterModel,
  toIpAssetModel,
  toIpLicenceModel,
  toShareModel,
} from './ip-register.model';
import { IpRegisterService } from './ip-register.service';
import { ipAssetListFilter } from './ip-asset-filter';

@Resolver(() => IpAssetModel)
export class IpRegisterResolver {
  constructor(private readonly service: IpRegisterService) {}

  @Allow(...STAFF_ROLES)
  @Mutation(() => IpAssetModel, {
    description: '登记项目形成的知识产权：权利人须为任务书所列单位，份额之和为 100 %（第二十条）',
  })
  async recordIpAsset(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: RecordIpAssetInput,
  ): Promise<IpAssetModel> {
    return toIpAssetModel(await this.service.recordAsset(ctx, viewer, input));
  }

  @Allow(...STAFF_ROLES)
  @Mutation(() => IpLicenceModel, {
    description: '登记一项许可：被许可单位、是否省内、有偿或无偿、许可费、日期',
  })
  async recordIpLicence(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: RecordIpLicenceInput,
  ): Promise<IpLicenceModel> {
    return toIpLicenceModel(await this.service.recordLicence(ctx, viewer, input));
  }

  @Allow(...STAFF_ROLES)
  @Query(() => ProjectIpRegisterModel, { description: '项目的知识产权、许可与省内许可比例' })
  async projectIpRegister(
    @Ctx() ctx: RequestContext,
    @Args('projectId', { type: () => ID }) projectId: string,
  ): Promise<ProjectIpRegisterModel> {
    const register = await this.service.ofProject(ctx.db, projectId);
    return {
      projectId: register.projectId,
      assets: register.assets.map(toIpAssetModel),
      share: toShareModel(register.share),
    };
  }

  @Allow(...STAFF_ROLES)
  @Query(() => IpLicenceShareModel, {
    description: '联盟各项目知识产权许可给省内单位的比例（本单位可见的项目，第二十条第（三）项）',
  })
  async allianceIpLicenceShare(
    @Ctx() ctx: RequestContext,
    @Args('allianceId', { type: () => ID }) allianceId: string,
  ): Promise<IpLicenceShareModel> {
    return toShareModel(await this.service.shareOfAlliance(ctx.db, allianceId));
  }

  @Allow(...STAFF_ROLES)
  @Query(() => IpAssetPageModel, { description: '知识产权登记：可按类别、项目、联盟筛选' })
  async ipAssets(
    @Ctx() ctx: RequestContext,
    @Args('filter', { nullable: true }) filter?: IpAssetFilterInput,
  ): Promise<IpAssetPageModel> {
    const [items, totalCount] = await this.service.list(
      ctx.db,
      ipAssetListFilter(filter ?? { first: 20, offset: 0 }),
    );
    return { items: items.map(toIpAssetModel), totalCount };
  }
}
