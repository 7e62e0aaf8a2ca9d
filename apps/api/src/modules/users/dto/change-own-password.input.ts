import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class ChangeOwnPasswordInput {
  @Field()
  currentPassword: string;

  @Field()
  newPassword: string;
}
