import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class SetUserDisabledInput {
  @Field(() => ID)
  userId: string;

  @Field()
  disabled: boolean;
}
