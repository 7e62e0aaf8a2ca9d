import { Module } from '@nestjs/common';
import { TenantsRepository } from './tenants.repository';
import { TenantsResolver } from './tenants.resolver';
import { TenantsService } from './tenants.service';

@Module({ providers: [TenantsRepository, TenantsService, TenantsResolver], exports: [TenantsService] })
export class TenantsModule {}
