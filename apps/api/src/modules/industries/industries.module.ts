import { Module } from '@nestjs/common';
import { IndustriesResolver } from './industries.resolver';

@Module({ providers: [IndustriesResolver] })
export class IndustriesModule {}
