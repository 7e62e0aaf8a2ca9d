import { Module } from '@nestjs/common';
import { CallsModule } from '../calls/calls.module';
import { ReviewProgressService } from './review-progress.service';

@Module({
  imports: [CallsModule],
  providers: [ReviewProgressService],
  exports: [ReviewProgressService],
})
export class ReviewsModule {}
