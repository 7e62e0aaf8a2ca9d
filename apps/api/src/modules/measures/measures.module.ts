import { Module } from '@nestjs/common';
import { MeasuresResolver } from './measures.resolver';
import { MeasuresService } from './measures.service';

@Module({ providers: [MeasuresService, MeasuresResolver], exports: [MeasuresService] })
export class MeasuresModule {}
