import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DocumentsModule } from '../documents/documents.module';
import { NationalPilotDocumentsController } from './national-pilot-documents.controller';
import { NationalPilotsRepository } from './national-pilots.repository';
import { AllianceNationalPilotResolver, NationalPilotsResolver } from './national-pilots.resolver';
import { NationalPilotsService } from './national-pilots.service';

// National pilot alliances (国家级试点联盟): the province's record of the Ministry's designations,
// published to every tier and read by programme eligibility (Art. 14).
@Module({
  imports: [AuditModule, DocumentsModule],
  controllers: [NationalPilotDocumentsController],
  providers: [NationalPilotsRepository, NationalPilotsService, NationalPilotsResolver, AllianceNationalPilotResolver],
  exports: [NationalPilotsService],
})
export class NationalPilotsModule {}
