import { Module } from '@nestjs/common';
import { JobHandlers } from './job-handlers';
import { JobScheduler } from './job-scheduler';
import { JobsRepository } from './jobs.repository';

@Module({
  providers: [JobsRepository, JobHandlers, JobScheduler],
  exports: [JobsRepository, JobHandlers, JobScheduler],
})
export class JobsModule {}
