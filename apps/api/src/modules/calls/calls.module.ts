import { PilotCallsExport } from './pilot-calls.export';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PilotCallEntity } from './pilot-call.entity';
import { DocumentsModule } from '../documents/documents.module';
import { JobsModule } from '../jobs/jobs.module';
import { MeasuresModule } from '../measures/measures.module';
import { MessagesModule } from '../messages/messages.module';
import { CallDeadlineReminders } from './call-deadline-reminders';
import { CallGuideController } from './call-guide.controller';
import { CallLoaders } from './call-loaders';
import { CallMeasuresService } from './call-measures.service';
import { CallsResolver } from './calls.resolver';
import { CallsRepository } from './calls.repository';
import { CallsService } from './calls.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([PilotCallEntity]),
    DocumentsModule,
    JobsModule,
    MeasuresModule,
    MessagesModule,
  ],
  controllers: [CallGuideController],
  providers: [
    CallsRepository,
    CallDeadlineReminders,
    CallLoaders,
    CallMeasuresService,
    CallsService,
    CallsResolver,
    PilotCallsExport,
  ],
  exports: [CallLoaders, CallMeasuresService, CallsService],
})
export class CallsModule {}
