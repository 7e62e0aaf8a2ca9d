import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { TenantsModule } from '../tenants/tenants.module';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

@Module({ imports: [AuthModule, TenantsModule], providers: [UsersService, UsersResolver] })
export class UsersModule {}
