import { Module } from '@nestjs/common';
import { IndustriesRepository } from './industries.repository';
import { IndustriesResolver } from './industries.resolver';

// The taxonomy is read by other features (an alliance's industry) through IndustriesRepository.
@Module({ providers: [IndustriesRepository, IndustriesResolver], exports: [IndustriesRepository] })
export class IndustriesModule {}
