import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SessionEntity } from './session.entity';
import { SessionResolver } from '../../common/request/session-resolver';
import { PasswordHasher } from './password-hasher';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';

// Depends on no other feature: users and auth build on it, and the request context reaches it
// through the SessionResolver it provides.
@Module({
  imports: [TypeOrmModule.forFeature([SessionEntity])],
  providers: [
    SessionsRepository,
    SessionsService,
    PasswordHasher,
    { provide: SessionResolver, useExisting: SessionsService },
  ],
  exports: [SessionsService, PasswordHasher, SessionResolver],
})
export class SessionsModule {}
