import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class LoginInput {
  @Field({ description: '所属单位代码：省厅 430000，市州见 signInTenants' })
  tenantCode: string;

  @Field()
  username: string;

  @Field()
  password: string;
}
