import { ProjectsExport } from './projects.export';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '../applications/applications.module';
import { AuditModule } from '../audit/audit.module';
import { CallsModule } from '../calls/calls.module';
import { DocumentsModule } from '../documents/documents.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { JobsModule } from '../jobs/jobs.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { ProjectOpener } from '../programmes/project-opener';
import { ProjectEntity, ProjectLedgerEntryEntity } from './project.entity';
import { ProjectKind } from './project.kind';
import { ProjectDissolution } from './project-dissolution';
import { ProjectsRepository } from './projects.repository';
import { ProjectsResolver, ReviewAssignmentProjectResolver } from './projects.resolver';
import { ProjectsService } from './projects.service';

// Projects (立项) on the application engine, their money ledger and the dissolution cascade
// (Art. 14, 18–20). ProjectsService.openFromAward is what a programme application's award calls.
@Module({
  imports: [
    TypeOrmModule.forFeature([ProjectEntity, ProjectLedgerEntryEntity]),
    ApplicationsModule,
    AuditModule,
    CallsModule,
    DocumentsModule,
    JobsModule,
    ProgrammesModule,
    ReviewsModule,
  ],
  providers: [
    ProjectsRepository,
    ProjectKind,
    ProjectsService,
    ProjectDissolution,
    ProjectsResolver,
    ProjectsExport,
    ReviewAssignmentProjectResolver,
    // The port a programme application's award opens its project through.
    { provide: ProjectOpener, useExisting: ProjectsService },
  ],
  exports: [ProjectsService],
})
export class ProjectsModule {}
