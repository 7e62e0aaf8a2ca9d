import { Module } from '@nestjs/common';
import { MessagesModule } from '../messages/messages.module';
import { ApplicationEngine } from './application-engine';
import { ApplicationsRepository } from './applications.repository';

/** The one application engine every workflow kind (pilot applications, filings, programmes) runs on. */
@Module({
  imports: [MessagesModule],
  providers: [ApplicationsRepository, ApplicationEngine],
  exports: [ApplicationEngine],
})
export class ApplicationsModule {}
