import { Injectable, type OnModuleInit } from '@nestjs/common';
import { STAFF_ROLES } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { ApplicationEngine } from '../applications/application-engine';
import { type JobHandler, JobHandlers } from '../jobs/job-handlers';
import type { Job } from '../jobs/jobs.repository';
import { MessagesService } from '../messages/messages.service';
import { FILING_LAPSE_JOB, FILING_NOTICE_END_JOB, FilingKind } from './filing.kind';
import { FilingsRepository } from './filings.repository';

function filingIdOf(job: Job): string {
  const { filingId } = job.payload;
  if (typeof filingId !== 'string') throw new Error(`malformed job ${job.kind}:${job.key}`);
  return filingId;
}

/**
 * A returned filing nobody resubmitted by its correction deadline is refused (LAPSE, the system
 * acting for the province). Idempotent: a filing no longer returned, or returned again with a
 * later deadline, is left alone (the guard decides).
 */
@Injectable()
export class FilingCorrectionLapse implements JobHandler, OnModuleInit {
  readonly kind = FILING_LAPSE_JOB;
  readonly actsAs = 'AUTHORITY';

  constructor(
    private readonly filings: FilingsRepository,
    private readonly engine: ApplicationEngine,
    private readonly filingKind: FilingKind,
    private readonly handlers: JobHandlers,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  async run(db: EntityManager, job: Job): Promise<void> {
    const filing = await this.filings.find(db, filingIdOf(job));
    if (!filing || filing.state !== 'RETURNED') return;
    const deadline = filing.correctionDeadline ?? '';
    if (!job.key.endsWith(`:${deadline}`)) return;
    await this.engine.transition(
      db,
      { userId: '', tenantId: job.tenantId, tenantLevel: 'PROVINCE', roles: [], sessionId: '', system: true },
      this.filingKind,
      { id: filing.id, action: 'LAPSE', version: filing.version, text: '' },
    );
  }
}

/** When a filing's public notice ends, the province's staff are told it may now be decided. */
@Injectable()
export class FilingNoticeEnd implements JobHandler, OnModuleInit {
  readonly kind = FILING_NOTICE_END_JOB;
  readonly actsAs = 'AUTHORITY';

  constructor(
    private readonly filings: FilingsRepository,
    private readonly messages: MessagesService,
    private readonly handlers: JobHandlers,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  async run(db: EntityManager, job: Job): Promise<void> {
    const filing = await this.filings.find(db, filingIdOf(job));
    if (!filing || filing.state !== 'PUBLICISED') return;
    const name = filing.dossier?.alliance.name ?? '联盟';
    await this.messages.post(db, {
      to: { tenantId: filing.authorityTenantId, roles: STAFF_ROLES },
      kind: 'FILING_NOTICE_OVER',
      title: `备案公示期满：${name}`,
      body: `「${name}」的备案公示已于 ${filing.noticeEndsOn} 结束，答复全部异议后可作出备案决定。`,
      link: `/filings/${filing.id}`,
      subjectType: 'filing',
      subjectId: filing.id,
      dedupeKey: `filing.notice_end:${filing.id}:${filing.noticeEndsOn}`,
    });
  }
}
