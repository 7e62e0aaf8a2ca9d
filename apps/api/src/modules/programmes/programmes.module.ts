import {
  DebarmentsExport,
  PriorInvestmentsExport,
  ProgrammeApplicationsExport,
  ProgrammeCallsExport,
  ProgrammesExport,
} from './programmes.export';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '../applications/applications.module';
import { AuditModule } from '../audit/audit.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { CallsModule } from '../calls/calls.module';
import { DecisionPdfsModule } from '../decision-pdfs/decision-pdfs.module';
import { IndustriesModule } from '../industries/industries.module';
import { JobsModule } from '../jobs/jobs.module';
import { MeasuresModule } from '../measures/measures.module';
import { MessagesModule } from '../messages/messages.module';
import { NationalPilotsModule } from '../national-pilots/national-pilots.module';
import { DebarmentsRepository } from './debarments.repository';
import { DebarmentsResolver } from './debarments.resolver';
import { DebarmentsService } from './debarments.service';
import { DebarmentEntity, DebarmentEvidenceEntity, ProgrammeEntity } from './programme.entity';
import {
  PriorInvestmentDocumentEntity,
  PriorInvestmentEntity,
  ProgrammeApplicationDocumentEntity,
  ProgrammeApplicationEntity,
} from './programme-application.entity';
import { ProgrammeApplicationKind } from './programme-application.kind';
import { ProgrammeApplicationsRepository } from './programme-applications.repository';
import {
  ProgrammeApplicationsResolver,
  ProgrammeCallGuideResolver,
  ReviewAssignmentProgrammeApplicationResolver,
} from './programme-applications.resolver';
import { ProgrammeApplicationsService } from './programme-applications.service';
import { ProgrammesRepository } from './programmes.repository';
import { ProgrammesResolver } from './programmes.resolver';
import { ProgrammesService } from './programmes.service';
import { SupportNoticeEnds } from './support-notice-ends';
import { SupportObjectionEntity } from './support-objection.entity';
import { SupportObjectionsRepository } from './support-objections.repository';
import { SupportObjectionsResolver } from './support-objections.resolver';
import { SupportObjectionsService } from './support-objections.service';

// Support programmes and the debarment register (Art. 14, 20): the first slice of issue 11.
@Module({
  imports: [
    IndustriesModule,
    TypeOrmModule.forFeature([
      ProgrammeEntity,
      DebarmentEntity,
      DebarmentEvidenceEntity,
      ProgrammeApplicationEntity,
      ProgrammeApplicationDocumentEntity,
      PriorInvestmentEntity,
      PriorInvestmentDocumentEntity,
      SupportObjectionEntity,
    ]),
    ApplicationsModule,
    AuditModule,
    ReviewsModule,
    CallsModule,
    DecisionPdfsModule,
    JobsModule,
    MeasuresModule,
    MessagesModule,
    NationalPilotsModule,
  ],
  providers: [
    ProgrammesRepository,
    DebarmentsRepository,
    ProgrammesService,
    DebarmentsService,
    ProgrammesResolver,
    DebarmentsResolver,
    ProgrammeApplicationsRepository,
    ProgrammeApplicationsService,
    ProgrammeApplicationKind,
    ProgrammeApplicationsResolver,
    ReviewAssignmentProgrammeApplicationResolver,
    ProgrammeCallGuideResolver,
    ProgrammesExport,
    ProgrammeCallsExport,
    ProgrammeApplicationsExport,
    PriorInvestmentsExport,
    DebarmentsExport,
    SupportObjectionsRepository,
    SupportObjectionsService,
    SupportObjectionsResolver,
    SupportNoticeEnds,
  ],
  exports: [DebarmentsService, ProgrammeApplicationsService, SupportObjectionsService],
})
export class ProgrammesModule {}
