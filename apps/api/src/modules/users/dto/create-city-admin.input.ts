import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class CreateCityAdminInput {
  @Field({ description: '市州代码（GB/T 2260）' })
  tenantCode: string;

  @Field()
  username: string;

  @Field()
  displayName: string;

  @Field({ description: '初始密码' })
  password: string;
}
