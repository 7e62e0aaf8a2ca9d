import { ExpertAffiliationEntity } from './expert-affiliation.entity';
import { ExpertAssignmentEntity } from './expert-assignment.entity';
import { ExpertConflictEntity } from './expert-conflict.entity';
import { ExpertEntity } from './expert.entity';
import { ReviewSheetEntity } from './review-sheet.entity';

export const REVIEW_ENTITIES = [
  ExpertEntity,
  ExpertAffiliationEntity,
  ExpertConflictEntity,
  ExpertAssignmentEntity,
  ReviewSheetEntity,
];
