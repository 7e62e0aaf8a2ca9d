import { Module } from '@nestjs/common';
import { ApplicationEngine } from './application-engine';
import { ApplicationsRepository } from './applications.repository';

/** The one application engine every workflow kind (pilot applications, filings, programmes) runs on. */
@Module({
  providers: [ApplicationsRepository, ApplicationEngine],
  exports: [ApplicationEngine],
})
export class ApplicationsModule {}
