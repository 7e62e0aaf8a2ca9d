import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../../common/auth/access.decorators';
import { Ctx } from '../../common/request/current.decorators';
import type { RequestContext } from '../../common/request/request-context';
import { UserModel } from '../users/user.model';
import { AuthService } from './auth.service';
import { LoginInput } from './dto/login.input';

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Query(() => UserModel, { nullable: true, description: '当前登录用户；未登录时为空' })
  me(@Ctx() ctx: RequestContext): Promise<UserModel | null> {
    return this.auth.me(ctx);
  }

  @Public()
  @Mutation(() => UserModel, { description: '登录：每次请求只能调用一次' })
  login(@Ctx() ctx: RequestContext, @Args('input') input: LoginInput): Promise<UserModel> {
    return this.auth.login(ctx, input);
  }

  @Public()
  @Mutation(() => Boolean, { description: '退出登录：注销当前会话' })
  logout(@Ctx() ctx: RequestContext): Promise<boolean> {
    return this.auth.logout(ctx);
  }
}
