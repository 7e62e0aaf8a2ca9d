import { ExpertsExport } from './experts.export';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ExpertAffiliationEntity } from './expert-affiliation.entity';
import { ExpertAssignmentEntity } from './expert-assignment.entity';
import { ExpertConflictEntity } from './expert-conflict.entity';
import { ExpertEntity } from './expert.entity';
import { ReviewSheetEntity } from './review-sheet.entity';
import { CallsModule } from '../calls/calls.module';
import { MeasuresModule } from '../measures/measures.module';
import { MessagesModule } from '../messages/messages.module';
import { ExpertsResolver } from './experts.resolver';
import { ExpertsService } from './experts.service';
import { PanelsResolver } from './panels.resolver';
import { PanelsService } from './panels.service';
import { ReviewProgressService } from './review-progress.service';
import { ReviewSheetsResolver } from './review-sheets.resolver';
import { ReviewSheetsService } from './review-sheets.service';
import { ReviewsRepository } from './reviews.repository';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      ExpertEntity,
      ExpertAffiliationEntity,
      ExpertConflictEntity,
      ExpertAssignmentEntity,
      ReviewSheetEntity,
    ]),
    CallsModule,
    MeasuresModule,
    MessagesModule,
  ],
  providers: [
    ReviewsRepository,
    ReviewProgressService,
    ExpertsService,
    PanelsService,
    ReviewSheetsService,
    ExpertsResolver,
    ExpertsExport,
    PanelsResolver,
    ReviewSheetsResolver,
  ],
  exports: [ReviewProgressService, PanelsService, ReviewSheetsService, ExpertsService],
})
export class ReviewsModule {}
