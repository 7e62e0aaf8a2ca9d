import { AllianceDocumentsResolver } from './alliance-documents.resolver';
import { Module } from '@nestjs/common';
import { AlliancesModule } from '../alliances/alliances.module';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';

@Module({
  imports: [AlliancesModule],
  controllers: [DocumentsController],
  providers: [DocumentsService, AllianceDocumentsResolver],
  exports: [DocumentsService],
})
export class DocumentsModule {}
