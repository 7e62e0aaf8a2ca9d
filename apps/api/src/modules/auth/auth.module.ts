import { Module } from '@nestjs/common';
import { TenantsModule } from '../tenants/tenants.module';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { PasswordHasher } from './password-hasher';
import { SessionsService } from './sessions.service';
import { SignInThrottleService } from './sign-in-throttle.service';

@Module({
  imports: [TenantsModule],
  providers: [AuthService, AuthResolver, PasswordHasher, SessionsService, SignInThrottleService],
  exports: [PasswordHasher, SessionsService],
})
export class AuthModule {}
