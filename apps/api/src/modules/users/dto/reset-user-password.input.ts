import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class ResetUserPasswordInput {
  @Field(() => ID)
  userId: string;

  @Field()
  newPassword: string;
}
