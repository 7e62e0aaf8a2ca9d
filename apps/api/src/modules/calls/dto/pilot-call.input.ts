import { Field, GraphQLISODateTime, InputType } from '@nestjs/graphql';
import type { DocumentKind } from '@xiangmeng/domain';
import { DocumentKindEnum } from '../../documents/document.model';

@InputType('PilotCallInput')
export class PilotCallInput {
  @Field()
  title: string;

  @Field({ defaultValue: '' })
  description: string;

  @Field(() => GraphQLISODateTime)
  opensAt: Date;

  @Field(() => GraphQLISODateTime)
  closesAt: Date;

  @Field(() => GraphQLISODateTime)
  recommendBy: Date;

  @Field(() => GraphQLISODateTime)
  decideBy: Date;

  @Field(() => [DocumentKindEnum])
  requiredDocuments: DocumentKind[];
}
