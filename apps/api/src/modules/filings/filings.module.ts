import { AllianceRegisterExport } from './alliance-register.export';
import { IndustriesModule } from '../industries/industries.module';
import { FilingRoundsExport, FilingsExport } from './filings.export';
import { AlliancesModule } from '../alliances/alliances.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '../applications/applications.module';
import { AuditModule } from '../audit/audit.module';
import { DecisionPdfsModule } from '../decision-pdfs/decision-pdfs.module';
import { JobsModule } from '../jobs/jobs.module';
import { MeasuresModule } from '../measures/measures.module';
import { MessagesModule } from '../messages/messages.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { TenantsModule } from '../tenants/tenants.module';
import { AllianceFilingResolver } from './alliance-filing.resolver';
import {
  FilingDocumentEntity,
  FilingEntity,
  FilingObjectionEntity,
  FilingRoundEntity,
  FilingSnapshotEntity,
} from './filing.entity';
import { FilingKind } from './filing.kind';
import { FilingPanelResolver, ReviewAssignmentFilingResolver } from './filing-review.resolver';
import { FilingDeadlines } from './filing-deadlines';
import { FilingRoundReminders } from './filing-round-reminders';
import { FilingRoundsRepository } from './filing-rounds.repository';
import { FilingRoundsResolver } from './filing-rounds.resolver';
import { FilingRoundsService } from './filing-rounds.service';
import { FilingsRepository } from './filings.repository';
import { FilingsResolver } from './filings.resolver';
import { FilingsService } from './filings.service';

// Filing with the province (Art. 21): rounds, filings on the application engine, their deadlines.
@Module({
  imports: [
    IndustriesModule,
    TypeOrmModule.forFeature([
      FilingRoundEntity,
      FilingEntity,
      FilingDocumentEntity,
      FilingSnapshotEntity,
      FilingObjectionEntity,
    ]),
    AlliancesModule,
    ApplicationsModule,
    AuditModule,
    DecisionPdfsModule,
    JobsModule,
    MeasuresModule,
    MessagesModule,
    ReviewsModule,
    TenantsModule,
  ],
  providers: [
    FilingRoundsRepository,
    FilingsRepository,
    FilingRoundReminders,
    FilingRoundsService,
    FilingsService,
    FilingKind,
    FilingDeadlines,
    FilingRoundsResolver,
    FilingsResolver,
    AllianceFilingResolver,
    FilingPanelResolver,
    ReviewAssignmentFilingResolver,
    AllianceRegisterExport,
    FilingRoundsExport,
    FilingsExport,
  ],
  exports: [FilingsRepository],
})
export class FilingsModule {}
