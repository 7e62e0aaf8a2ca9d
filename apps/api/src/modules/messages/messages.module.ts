import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { MessageMailHandler } from './message-mail.handler';
import { MessagesRepository } from './messages.repository';
import { MessagesResolver } from './messages.resolver';
import { MessagesService } from './messages.service';

@Module({
  imports: [JobsModule],
  providers: [MessagesRepository, MessagesService, MessagesResolver, MessageMailHandler],
  exports: [MessagesService],
})
export class MessagesModule {}
