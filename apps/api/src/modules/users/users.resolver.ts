import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Role } from '@xiangmeng/domain';
import { Allow, SignedIn } from '../../common/auth/access.decorators';
import { Ctx, CurrentViewer } from '../../common/request/current.decorators';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { ChangeOwnPasswordInput } from './dto/change-own-password.input';
import { CreateCityAdminInput } from './dto/create-city-admin.input';
import { CreateUserInput } from './dto/create-user.input';
import { ResetUserPasswordInput } from './dto/reset-user-password.input';
import { SetUserDisabledInput } from './dto/set-user-disabled.input';
import { SetUserRolesInput } from './dto/set-user-roles.input';
import { UserModel } from './user.model';
import { UsersService } from './users.service';

const ADMINS = [Role.PROVINCE_ADMIN, Role.CITY_ADMIN] as const;

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(private readonly usersService: UsersService) {}

  @Allow(...ADMINS)
  @Query(() => [UserModel], { description: '管理员：本单位的用户' })
  users(@Ctx() ctx: RequestContext, @CurrentViewer() viewer: Viewer): Promise<UserModel[]> {
    return this.usersService.list(ctx, viewer);
  }

  @Allow(...ADMINS)
  @Mutation(() => UserModel, { description: '管理员：在本单位创建用户' })
  createUser(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CreateUserInput,
  ): Promise<UserModel> {
    return this.usersService.create(ctx, viewer, input);
  }

  @Allow(Role.PROVINCE_ADMIN)
  @Mutation(() => UserModel, { description: '省厅管理员：为下辖市州创建管理员' })
  createCityAdmin(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CreateCityAdminInput,
  ): Promise<UserModel> {
    return this.usersService.createCityAdmin(ctx, viewer, input);
  }

  @Allow(...ADMINS)
  @Mutation(() => UserModel, { description: '管理员：停用或启用本单位用户' })
  setUserDisabled(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: SetUserDisabledInput,
  ): Promise<UserModel> {
    return this.usersService.setDisabled(ctx, viewer, input);
  }

  @Allow(...ADMINS)
  @Mutation(() => UserModel, { description: '管理员：修改本单位用户的角色（不能取消自己的管理员角色）' })
  setUserRoles(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: SetUserRolesInput,
  ): Promise<UserModel> {
    return this.usersService.setRoles(ctx, viewer, input);
  }

  @Allow(...ADMINS)
  @Mutation(() => UserModel, { description: '管理员：重置本单位用户的密码（其会话全部注销）' })
  resetUserPassword(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: ResetUserPasswordInput,
  ): Promise<UserModel> {
    return this.usersService.resetPassword(ctx, viewer, input);
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: '修改自己的密码（其他会话注销）' })
  changeOwnPassword(
    @Ctx() ctx: RequestContext,
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: ChangeOwnPasswordInput,
  ): Promise<boolean> {
    return this.usersService.changeOwnPassword(ctx, viewer, input);
  }
}
