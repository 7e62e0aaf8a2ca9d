import { Module } from '@nestjs/common';
import { CallsModule } from '../calls/calls.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { ConfirmedPilotsResolver } from './confirmed-pilots.resolver';
import { PilotApplicationFieldsResolver } from './pilot-application-fields.resolver';
import { PilotApplicationPanelResolver } from './pilot-application-panel.resolver';
import { PilotReviewsResolver } from './pilot-reviews.resolver';
import { PilotApplicationsResolver } from './pilot-applications.resolver';
import { PilotApplicationsService } from './pilot-applications.service';
import { PilotObjectionsService } from './pilot-objections.service';
import { ApplicationsModule } from '../applications/applications.module';
import { PilotApplicationKind } from './pilot-application.kind';
import { WorkListService } from './work-list.service';

@Module({
  imports: [ApplicationsModule, CallsModule, ReviewsModule],
  providers: [
    PilotApplicationsService,
    PilotApplicationKind,
    PilotObjectionsService,
    WorkListService,
    PilotApplicationsResolver,
    PilotApplicationFieldsResolver,
    PilotApplicationPanelResolver,
    PilotReviewsResolver,
    ConfirmedPilotsResolver,
  ],
  exports: [PilotApplicationsService],
})
export class PilotsModule {}
