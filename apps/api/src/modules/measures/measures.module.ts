import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MeasuresEntity } from './measures.entity';
import { MeasuresRepository } from './measures.repository';
import { MeasuresResolver } from './measures.resolver';
import { MeasuresService } from './measures.service';

@Module({
  imports: [TypeOrmModule.forFeature([MeasuresEntity])],
  providers: [MeasuresRepository, MeasuresService, MeasuresResolver],
  exports: [MeasuresService],
})
export class MeasuresModule {}
