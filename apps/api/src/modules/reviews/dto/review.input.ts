import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { ReviewRecommendation } from '@xiangmeng/domain';

@InputType()
export class ExpertTieInput {
  @Field(() => ID, { nullable: true, description: '名录中的单位' })
  organizationId?: string | null;

  @Field(() => ID, { nullable: true, description: '科技局（租户）' })
  bureauTenantId?: string | null;

  @Field({ defaultValue: '' })
  position: string;
}

@InputType()
export class ExpertInput {
  @Field()
  name: string;

  @Field()
  title: string;

  @Field(() => [String], { description: '产业分类代码' })
  domainCodes: string[];

  @Field(() => [ExpertTieInput])
  affiliations: ExpertTieInput[];

  @Field({ defaultValue: true })
  available: boolean;

  @Field({ defaultValue: '' })
  unavailableReason: string;

  @Field(() => ID, { nullable: true, description: '本级具有评审专家角色的用户' })
  accountUserId?: string | null;
}

@InputType()
export class UpdateExpertInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field(() => ExpertInput)
  expert: ExpertInput;
}

@InputType()
export class DeclareExpertConflictInput {
  @Field(() => ID)
  expertId: string;

  @Field(() => ID, { nullable: true })
  organizationId?: string | null;

  @Field(() => ID, { nullable: true })
  bureauTenantId?: string | null;

  @Field()
  reason: string;

  @Field({ description: 'YYYY-MM-DD' })
  declaredOn: string;
}

@InputType()
export class AssignPanelInput {
  @Field(() => ID)
  applicationId: string;

  @Field(() => [ID])
  expertIds: string[];
}

@InputType()
export class SwapPanelMemberInput {
  @Field(() => ID)
  assignmentId: string;

  @Field(() => ID)
  expertId: string;

  @Field()
  reason: string;
}

@InputType()
export class CriterionScoreInput {
  @Field()
  key: string;

  @Field(() => Float, { nullable: true })
  score?: number | null;

  @Field({ defaultValue: '' })
  comment: string;
}

@InputType()
export class SaveReviewSheetInput {
  @Field(() => ID)
  assignmentId: string;

  @Field(() => Int)
  version: number;

  @Field(() => [CriterionScoreInput])
  scores: CriterionScoreInput[];

  @Field()
  overallOpinion: string;

  @Field(() => ReviewRecommendation, { nullable: true })
  recommendation?: ReviewRecommendation | null;

  @Field({ defaultValue: false, description: '提交即锁定' })
  submit: boolean;
}

@InputType()
export class ReopenReviewSheetInput {
  @Field(() => ID)
  sheetId: string;

  @Field()
  reason: string;
}
