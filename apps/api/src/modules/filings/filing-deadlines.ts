import { Injectable, type OnModuleInit } from '@nestjs/common';
import { STAFF_ROLES } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { ApplicationEngine } from '../applications/application-engine';
import { type JobHandler, JobHandlers } from '../jobs/job-handlers';
import type { Job } from '../jobs/jobs.repository';
import { MessagesService } from '../messages/messages.service';
import {
  FILING_CORRECTION_REMINDER_JOB,
  FILING_DISSOLUTION_JOB,
  FILING_LAPSE_JOB,
  FILING_NOTICE_END_JOB,
  FilingKind,
} from './filing.kind';
import { FILING_WORKFLOW, type FilingAction, transitionOf } from '@xiangmeng/domain';
import type { FilingEntity } from './filing.entity';
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
    await systemStep(this.engine, this.filingKind, db, job, filing, 'LAPSE');
  }
}

/** A step the system takes for the province as a deadline passes or the register changes. */
async function systemStep(
  engine: ApplicationEngine,
  kind: FilingKind,
  db: EntityManager,
  job: Job,
  filing: FilingEntity,
  action: FilingAction,
): Promise<void> {
  await engine.transition(
    db,
    { userId: '', tenantId: job.tenantId, tenantLevel: 'PROVINCE', roles: [], sessionId: '', system: true },
    kind,
    { id: filing.id, action, version: filing.version, text: '' },
  );
}

/**
 * An alliance dissolved: its filing in force is revoked (REVOKE_ON_DISSOLUTION). Idempotent: a
 * filing already revoked or withdrawn is left alone.
 */
@Injectable()
export class FilingDissolution implements JobHandler, OnModuleInit {
  readonly kind = FILING_DISSOLUTION_JOB;
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
    if (!filing || !transitionOf(FILING_WORKFLOW, filing.state, 'REVOKE_ON_DISSOLUTION')) return;
    await systemStep(this.engine, this.filingKind, db, job, filing, 'REVOKE_ON_DISSOLUTION');
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

/** Three days before a returned filing's correction deadline, the filing city is reminded. */
@Injectable()
export class FilingCorrectionReminder implements JobHandler, OnModuleInit {
  readonly kind = FILING_CORRECTION_REMINDER_JOB;
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
    if (!filing || filing.state !== 'RETURNED' || !job.key.endsWith(`:${filing.correctionDeadline}`)) return;
    const name = filing.dossier?.alliance.name ?? '联盟';
    await this.messages.post(db, {
      to: { tenantId: filing.tenantId, roles: STAFF_ROLES },
      kind: 'DEADLINE_SOON',
      title: `补正期限临近：${name}`,
      body: `「${name}」的备案被退回修改，补正期限为 ${filing.correctionDeadline}，逾期未重新提交将不予备案。`,
      link: `/filings/${filing.id}`,
      subjectType: 'filing',
      subjectId: filing.id,
      dedupeKey: `filing.correction_reminder:${filing.id}:${filing.correctionDeadline}`,
    });
  }
}
