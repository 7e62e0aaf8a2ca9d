import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { UsersModule } from '../users/users.module';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { SignInRepository } from './sign-in.repository';
import { SignInThrottleService } from './sign-in-throttle.service';

// Sign-in reads accounts through UsersService and opens sessions through SessionsService; neither
// of those modules knows about auth.
@Module({
  imports: [SessionsModule, UsersModule],
  providers: [SignInRepository, SignInThrottleService, AuthService, AuthResolver],
})
export class AuthModule {}
