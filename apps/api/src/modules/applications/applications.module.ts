import { Module } from '@nestjs/common';
import { ApplicationEngine } from './application-engine';

/** The one application engine every workflow kind (pilot applications, filings, programmes) runs on. */
@Module({
  providers: [ApplicationEngine],
  exports: [ApplicationEngine],
})
export class ApplicationsModule {}
