import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar';
import { ReviewAggregateModel, ReviewSheetModel } from '../reviews/review.model';
import { PilotApplicationModel } from './pilot-application.model';

// Expert review's answers that carry the pilot application itself: they live with the
// application, so reviews never depends on pilots.

@ObjectType('ReviewAssignment', { description: '专家本人的评审任务' })
export class ReviewAssignmentModel {
  @Field(() => ID)
  id: string;

  @Field(() => PilotApplicationModel)
  application: PilotApplicationModel;

  @Field(() => ReviewSheetModel)
  sheet: ReviewSheetModel;

  @Field(() => DateTimeScalar)
  assignedAt: Date;
}

@ObjectType('CallRankingEntry', { description: '批次内的排名' })
export class CallRankingEntryModel {
  @Field(() => PilotApplicationModel)
  application: PilotApplicationModel;

  @Field(() => ReviewAggregateModel)
  aggregate: ReviewAggregateModel;
}
