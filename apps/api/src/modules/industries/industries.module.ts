import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IndustryEntity } from './industry.entity';
import { IndustriesRepository } from './industries.repository';
import { IndustriesResolver } from './industries.resolver';

// The taxonomy is read by other features (an alliance's industry) through IndustriesRepository.
@Module({
  imports: [TypeOrmModule.forFeature([IndustryEntity])],
  providers: [IndustriesRepository, IndustriesResolver],
  exports: [IndustriesRepository],
})
export class IndustriesModule {}
