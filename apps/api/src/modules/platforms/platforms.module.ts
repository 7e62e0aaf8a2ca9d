import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { JobsModule } from '../jobs/jobs.module';
import { MessagesModule } from '../messages/messages.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { EvaluationRoundsRepository } from './evaluation-rounds.repository';
import { EvaluationRoundsResolver } from './evaluation-rounds.resolver';
import { EvaluationRoundsService } from './evaluation-rounds.service';
import { PlatformRecogniser } from '../programmes/platform-recogniser';
import { PlatformsExport } from './platforms.export';
import { PlatformsRepository } from './platforms.repository';
import { PlatformsResolver } from './platforms.resolver';
import { PlatformsService } from './platforms.service';

// Innovation platforms (Art. 15): the register, annual reports, periodic evaluation (by field, in
// rounds scored by experts of the pool) and their deadlines; the recognition decision of the programme engine reaches it as PlatformRecogniser.
@Module({
  imports: [AuditModule, JobsModule, MessagesModule, ReviewsModule],
  providers: [
    PlatformsRepository,
    PlatformsService,
    { provide: PlatformRecogniser, useExisting: PlatformsService },
    PlatformsResolver,
    PlatformsExport,
    EvaluationRoundsRepository,
    EvaluationRoundsService,
    EvaluationRoundsResolver,
  ],
})
export class PlatformsModule {}
