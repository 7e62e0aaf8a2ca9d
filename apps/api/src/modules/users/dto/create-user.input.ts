import { Field, InputType } from '@nestjs/graphql';
import { Role } from '@xiangmeng/domain';

@InputType()
export class CreateUserInput {
  @Field()
  username: string;

  @Field()
  displayName: string;

  @Field(() => [Role])
  roles: Role[];

  @Field({ description: '初始密码' })
  password: string;
}
