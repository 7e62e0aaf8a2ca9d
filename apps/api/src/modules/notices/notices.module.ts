import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { NoticeDocumentsController } from './notice-documents.controller';
import { NoticesRepository } from './notices.repository';
import { NoticesResolver } from './notices.resolver';
import { NoticesService } from './notices.service';

@Module({
  imports: [DocumentsModule],
  controllers: [NoticeDocumentsController],
  providers: [NoticesRepository, NoticesService, NoticesResolver],
  exports: [NoticesService],
})
export class NoticesModule {}
