import { ConfirmedPilotsExport, PilotApplicationsExport } from './pilots.export';
import { IndustriesModule } from '../industries/industries.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  PilotApplicationDocumentEntity,
  PilotApplicationEntity,
  PilotObjectionEntity,
} from './pilot-application.entity';
import { ApplicationsModule } from '../applications/applications.module';
import { CallsModule } from '../calls/calls.module';
import { DecisionPdfsModule } from '../decision-pdfs/decision-pdfs.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { ConfirmedPilotsResolver } from './confirmed-pilots.resolver';
import { PilotApplicationFieldsResolver } from './pilot-application-fields.resolver';
import { PilotApplicationPanelResolver } from './pilot-application-panel.resolver';
import { PilotReviewsResolver } from './pilot-reviews.resolver';
import { ReviewAssignmentApplicationResolver } from './review-assignment-application.resolver';
import { PilotApplicationKind } from './pilot-application.kind';
import { PilotApplicationsRepository } from './pilot-applications.repository';
import { PilotApplicationsResolver } from './pilot-applications.resolver';
import { PilotApplicationsService } from './pilot-applications.service';
import { PilotObjectionsRepository } from './pilot-objections.repository';
import { PilotObjectionsService } from './pilot-objections.service';

// Pilots depend on reviews only through its exported services (PanelsService, ReviewProgressService).
@Module({
  imports: [
    IndustriesModule,
    TypeOrmModule.forFeature([PilotApplicationEntity, PilotApplicationDocumentEntity, PilotObjectionEntity]),
    ApplicationsModule,
    CallsModule,
    DecisionPdfsModule,
    ReviewsModule,
  ],
  providers: [
    PilotApplicationsRepository,
    PilotObjectionsRepository,
    PilotApplicationsService,
    PilotApplicationKind,
    PilotObjectionsService,
    PilotApplicationsResolver,
    PilotApplicationFieldsResolver,
    PilotApplicationPanelResolver,
    PilotReviewsResolver,
    ReviewAssignmentApplicationResolver,
    ConfirmedPilotsResolver,
    PilotApplicationsExport,
    ConfirmedPilotsExport,
  ],
  exports: [PilotApplicationsService],
})
export class PilotsModule {}
