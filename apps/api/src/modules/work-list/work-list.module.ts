import { Module } from '@nestjs/common';
import { CallsModule } from '../calls/calls.module';
import { WorkListRepository } from './work-list.repository';
import { WorkListResolver } from './work-list.resolver';
import { WorkListExport } from './work-list.export';
import { WorkListService } from './work-list.service';

// The work list (待办) reads every kind that can wait for a user straight from its table, so it
// depends on no workflow module (they depend on reviews and each other, not on it).
@Module({
  imports: [CallsModule],
  providers: [WorkListRepository, WorkListService, WorkListResolver, WorkListExport],
})
export class WorkListModule {}
