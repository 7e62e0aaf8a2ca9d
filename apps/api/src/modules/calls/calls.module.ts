import { Module } from '@nestjs/common';
import { MeasuresModule } from '../measures/measures.module';
import { CallMeasuresService } from './call-measures.service';
import { CallsResolver } from './calls.resolver';
import { CallsService } from './calls.service';

@Module({
  imports: [MeasuresModule],
  providers: [CallMeasuresService, CallsService, CallsResolver],
  exports: [CallMeasuresService, CallsService],
})
export class CallsModule {}
