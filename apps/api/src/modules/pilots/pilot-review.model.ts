import { Field, ObjectType } from '@nestjs/graphql';
import { ReviewAggregateModel } from '../reviews/review.model';
import { PilotApplicationModel } from './pilot-application.model';

// Expert review's answers that carry the pilot application itself: they live with the
// application, so reviews never depends on pilots.

@ObjectType('CallRankingEntry', { description: '批次内的排名' })
export class CallRankingEntryModel {
  @Field(() => PilotApplicationModel)
  application: PilotApplicationModel;

  @Field(() => ReviewAggregateModel)
  aggregate: ReviewAggregateModel;
}
