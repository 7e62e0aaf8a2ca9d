import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { JobsModule } from '../jobs/jobs.module';
import { MessagesModule } from '../messages/messages.module';
import { PlatformRecogniser } from '../programmes/platform-recogniser';
import { PlatformsExport } from './platforms.export';
import { PlatformsRepository } from './platforms.repository';
import { PlatformsResolver } from './platforms.resolver';
import { PlatformsService } from './platforms.service';

// Innovation platforms (Art. 15): the register, annual reports, periodic evaluation and their
// deadlines; the recognition decision of the programme engine reaches it as PlatformRecogniser.
@Module({
  imports: [AuditModule, JobsModule, MessagesModule],
  providers: [
    PlatformsRepository,
    PlatformsService,
    { provide: PlatformRecogniser, useExisting: PlatformsService },
    PlatformsResolver,
    PlatformsExport,
  ],
})
export class PlatformsModule {}
