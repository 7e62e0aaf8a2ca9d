import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DocumentsModule } from '../documents/documents.module';
import { JobsModule } from '../jobs/jobs.module';
import { MessagesModule } from '../messages/messages.module';
import { CooperationBasesExport, InternationalProjectsExport } from './international.export';
import { InternationalRepository } from './international.repository';
import { InternationalResolver } from './international.resolver';
import { InternationalService } from './international.service';

// International S&T cooperation (Art. 16): the cooperation bases register, and the projects of
// the INTERNATIONAL_COOPERATION programme kind read with their partner (the application, award
// and ledger are the programmes' and projects' own).
@Module({
  imports: [AuditModule, DocumentsModule, JobsModule, MessagesModule],
  providers: [
    InternationalRepository,
    InternationalService,
    InternationalResolver,
    InternationalProjectsExport,
    CooperationBasesExport,
  ],
})
export class InternationalModule {}
