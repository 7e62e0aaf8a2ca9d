import { Module } from '@nestjs/common';
import { CallsModule } from '../calls/calls.module';
import { MeasuresModule } from '../measures/measures.module';
import { ExpertsResolver } from './experts.resolver';
import { ExpertsService } from './experts.service';
import { PanelsResolver } from './panels.resolver';
import { PanelsService } from './panels.service';
import { PilotApplicationPanelResolver } from './pilot-application-panel.resolver';
import { ReviewProgressService } from './review-progress.service';
import { ReviewSheetsResolver } from './review-sheets.resolver';
import { ReviewSheetsService } from './review-sheets.service';

@Module({
  imports: [CallsModule, MeasuresModule],
  providers: [
    ReviewProgressService,
    ExpertsService,
    PanelsService,
    ReviewSheetsService,
    ExpertsResolver,
    PanelsResolver,
    ReviewSheetsResolver,
    PilotApplicationPanelResolver,
  ],
  exports: [ReviewProgressService, PanelsService],
})
export class ReviewsModule {}
