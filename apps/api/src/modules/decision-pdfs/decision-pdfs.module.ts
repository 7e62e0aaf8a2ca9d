import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DocumentsModule } from '../documents/documents.module';
import { JobsModule } from '../jobs/jobs.module';
import { DecisionPdfsRepository } from './decision-pdfs.repository';
import { DecisionPdfsService } from './decision-pdfs.service';

// Generic: the features whose decisions are kept as PDF import this module, never the other way round.
@Module({
  imports: [AuditModule, DocumentsModule, JobsModule],
  providers: [DecisionPdfsRepository, DecisionPdfsService],
  exports: [DecisionPdfsService],
})
export class DecisionPdfsModule {}
