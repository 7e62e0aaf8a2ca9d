import { AllianceDocumentsResolver } from './alliance-documents.resolver';
import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { DocumentStorage } from './document-storage';
import { stagingStorage } from './upload-staging';
import { AlliancesModule } from '../alliances/alliances.module';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';

@Module({
  imports: [
    AlliancesModule,
    // Uploads stream to the store's staging folder before the request's transaction opens.
    MulterModule.registerAsync({
      inject: [DocumentStorage],
      useFactory: (storage: DocumentStorage) => ({
        storage: stagingStorage(storage.stagingDir),
        // Browsers send a Chinese file name as raw UTF-8; RFC 5987 names say so themselves.
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [DocumentsController],
  providers: [DocumentsService, AllianceDocumentsResolver],
  exports: [DocumentsService],
})
export class DocumentsModule {}
