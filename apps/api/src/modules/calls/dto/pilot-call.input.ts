import { Field, InputType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../../common/graphql/date-time.scalar';
import type { DocumentKind } from '@xiangmeng/domain';
import { DocumentKindEnum } from '../../documents/document.model';

@InputType('PilotCallInput')
export class PilotCallInput {
  @Field()
  title: string;

  @Field({ defaultValue: '' })
  description: string;

  @Field(() => DateTimeScalar)
  opensAt: Date;

  @Field(() => DateTimeScalar)
  closesAt: Date;

  @Field(() => DateTimeScalar)
  recommendBy: Date;

  @Field(() => DateTimeScalar)
  decideBy: Date;

  @Field(() => [DocumentKindEnum])
  requiredDocuments: DocumentKind[];
}
