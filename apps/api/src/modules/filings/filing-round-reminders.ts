import { Injectable, type OnModuleInit } from '@nestjs/common';
import { chinaDateTime, reminderAt, STAFF_ROLES } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { type JobHandler, JobHandlers } from '../jobs/job-handlers';
import { type Job, JobsRepository } from '../jobs/jobs.repository';
import { MessagesService } from '../messages/messages.service';
import type { FilingRoundEntity } from './filing.entity';
import { FilingRoundsRepository } from './filing-rounds.repository';

/**
 * Three days before a published round closes, every city bureau is reminded. The round is closed
 * by its time alone (a closed round takes nothing); the reminder is the job.
 */
@Injectable()
export class FilingRoundReminders implements JobHandler, OnModuleInit {
  readonly kind = 'filing_round.closing_reminder';
  readonly actsAs = 'AUTHORITY';

  constructor(
    private readonly rounds: FilingRoundsRepository,
    private readonly jobs: JobsRepository,
    private readonly messages: MessagesService,
    private readonly handlers: JobHandlers,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  async schedule(db: EntityManager, round: FilingRoundEntity, now: Date): Promise<void> {
    const at = reminderAt(round.closesAt, now);
    if (!at) return;
    await this.jobs.schedule(db, {
      tenantId: round.tenantId,
      kind: this.kind,
      key: round.id,
      payload: { roundId: round.id },
      runAt: at,
    });
  }

  async run(db: EntityManager, job: Job): Promise<void> {
    const { roundId } = job.payload;
    if (typeof roundId !== 'string') throw new Error(`malformed reminder ${job.key}`);
    const round = await this.rounds.find(db, roundId);
    if (!round || round.status !== 'PUBLISHED') return;
    for (const tenantId of await this.rounds.cities(db, round.tenantId)) {
      await this.messages.post(db, {
        to: { tenantId, roles: STAFF_ROLES },
        kind: 'DEADLINE_SOON',
        title: `备案截止临近：${round.year} 年度备案批次`,
        body: `备案批次（${round.documentNumber}）的受理截止时间为 ${chinaDateTime(round.closesAt)}，请及时提交备案。`,
        link: '/filings',
        subjectType: 'filing_round',
        subjectId: round.id,
        dedupeKey: `filing_round.closing:${round.id}`,
      });
    }
  }
}
