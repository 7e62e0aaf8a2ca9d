import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar';
import { Role } from '@xiangmeng/domain';
import type { TenantEntity } from '../tenants/tenant.entity';
import { TenantModel, toTenantModel } from '../tenants/tenant.model';
import type { UserEntity } from './user.entity';

registerEnumType(Role, { name: 'Role', description: '用户角色' });

@ObjectType('User', { description: '平台用户，属于一个租户' })
export class UserModel {
  @Field(() => ID)
  id: string;

  @Field()
  username: string;

  @Field()
  displayName: string;

  @Field(() => [Role])
  roles: Role[];

  @Field()
  disabled: boolean;

  @Field(() => TenantModel)
  tenant: TenantModel;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  lastSignInAt: Date | null;
}

export function toUserModel(user: UserEntity, tenant: TenantEntity): UserModel {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    disabled: user.disabledAt !== null,
    tenant: toTenantModel(tenant),
    createdAt: user.createdAt,
    lastSignInAt: user.lastSignInAt,
  };
}
