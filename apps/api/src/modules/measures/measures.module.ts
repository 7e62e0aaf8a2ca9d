import { Module } from '@nestjs/common';
import { MeasuresRepository } from './measures.repository';
import { MeasuresResolver } from './measures.resolver';
import { MeasuresService } from './measures.service';

@Module({ providers: [MeasuresRepository, MeasuresService, MeasuresResolver], exports: [MeasuresService] })
export class MeasuresModule {}
