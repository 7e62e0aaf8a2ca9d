import { Field, ID, InputType } from '@nestjs/graphql';
import { Role } from '@xiangmeng/domain';

@InputType()
export class SetUserRolesInput {
  @Field(() => ID)
  userId: string;

  @Field(() => [Role])
  roles: Role[];
}
