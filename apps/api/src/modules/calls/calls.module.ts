import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PilotCallEntity } from './pilot-call.entity';
import { MeasuresModule } from '../measures/measures.module';
import { CallLoaders } from './call-loaders';
import { CallMeasuresService } from './call-measures.service';
import { CallsResolver } from './calls.resolver';
import { CallsRepository } from './calls.repository';
import { CallsService } from './calls.service';

@Module({
  imports: [TypeOrmModule.forFeature([PilotCallEntity]), MeasuresModule],
  providers: [CallsRepository, CallLoaders, CallMeasuresService, CallsService, CallsResolver],
  exports: [CallLoaders, CallMeasuresService, CallsService],
})
export class CallsModule {}
