import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { CallsModule } from '../calls/calls.module';
import { MeasuresModule } from '../measures/measures.module';
import { DebarmentsRepository } from './debarments.repository';
import { DebarmentsResolver } from './debarments.resolver';
import { DebarmentsService } from './debarments.service';
import { DebarmentEntity, DebarmentEvidenceEntity, ProgrammeEntity } from './programme.entity';
import { ProgrammesRepository } from './programmes.repository';
import { ProgrammesResolver } from './programmes.resolver';
import { ProgrammesService } from './programmes.service';

// Support programmes and the debarment register (Art. 14, 20): the first slice of issue 11.
@Module({
  imports: [
    TypeOrmModule.forFeature([ProgrammeEntity, DebarmentEntity, DebarmentEvidenceEntity]),
    AuditModule,
    CallsModule,
    MeasuresModule,
  ],
  providers: [
    ProgrammesRepository,
    DebarmentsRepository,
    ProgrammesService,
    DebarmentsService,
    ProgrammesResolver,
    DebarmentsResolver,
  ],
  exports: [DebarmentsService],
})
export class ProgrammesModule {}
