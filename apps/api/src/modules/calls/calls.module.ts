import { Module } from '@nestjs/common';
import { CallMeasuresService } from './call-measures.service';

@Module({
  providers: [CallMeasuresService],
  exports: [CallMeasuresService],
})
export class CallsModule {}
