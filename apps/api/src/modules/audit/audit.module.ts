import { Global, Module } from '@nestjs/common';
import { AuditEventsExport } from './audit-events.export';
import { AuditHistoryRepository } from './audit-history.repository';
import { AuditHistoryResolver } from './audit-history.resolver';
import { AuditHistoryService } from './audit-history.service';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

@Global()
@Module({
  providers: [
    AuditRepository,
    AuditService,
    AuditHistoryRepository,
    AuditHistoryService,
    AuditHistoryResolver,
    AuditEventsExport,
  ],
  exports: [AuditService],
})
export class AuditModule {}
