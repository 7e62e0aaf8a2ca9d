import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentEntity } from './document.entity';
import { MulterModule } from '@nestjs/platform-express';
import { DocumentStorage } from './document-storage';
import { DocumentsController } from './documents.controller';
import { DocumentsRepository } from './documents.repository';
import { DocumentsService } from './documents.service';
import { stagingStorage } from './upload-staging';

// Documents are generic: the features that attach them (alliances, pilot applications) import
// this module, never the other way round. MulterModule is exported with its staging storage so
// an owner feature's upload route streams to the same staging folder.
@Module({
  imports: [
    TypeOrmModule.forFeature([DocumentEntity]),
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
  providers: [DocumentsRepository, DocumentsService],
  exports: [DocumentsService, MulterModule],
})
export class DocumentsModule {}
