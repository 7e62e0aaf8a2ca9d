import { Injectable, type OnModuleInit } from '@nestjs/common';
import { FILING_WORKFLOW, type FilingAction, STAFF_ROLES, transitionOf } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { ApplicationEngine } from '../applications/application-engine';
import { JobHandlers } from '../jobs/job-handlers';
import type { Job } from '../jobs/jobs.repository';
import type { Posting } from '../messages/messages.repository';
import { MessagesService } from '../messages/messages.service';
import type { FilingEntity } from './filing.entity';
import {
  FILING_CORRECTION_REMINDER_JOB,
  FILING_DISSOLUTION_JOB,
  FILING_LAPSE_JOB,
  FILING_NOTICE_END_JOB,
  FilingKind,
} from './filing.kind';
import { FilingsRepository } from './filings.repository';

type Step = (db: EntityManager, job: Job, filing: FilingEntity) => Promise<void>;

/**
 * The filing's jobs, each run by the scheduler as the province (the job's tenant) and idempotent:
 * a job finds its filing moved on, or the deadline it was queued for replaced, and does nothing.
 * A returned filing nobody resubmitted lapses into refusal; its city is reminded three days ahead;
 * the province hears when a notice period ends; a dissolved alliance's filing is revoked.
 */
@Injectable()
export class FilingDeadlines implements OnModuleInit {
  constructor(
    private readonly filings: FilingsRepository,
    private readonly engine: ApplicationEngine,
    private readonly filingKind: FilingKind,
    private readonly messages: MessagesService,
    private readonly handlers: JobHandlers,
  ) {}

  onModuleInit(): void {
    for (const [kind, step] of Object.entries(this.steps))
      this.handlers.register({ kind, actsAs: 'AUTHORITY', run: (db, job) => this.onFiling(db, job, step) });
  }

  private readonly steps: Record<string, Step> = {
    [FILING_LAPSE_JOB]: async (db, job, filing) => {
      if (this.forCurrentDeadline(job, filing)) await this.systemStep(db, job, filing, 'LAPSE');
    },
    [FILING_DISSOLUTION_JOB]: (db, job, filing) => this.systemStep(db, job, filing, 'REVOKE_ON_DISSOLUTION'),
    [FILING_CORRECTION_REMINDER_JOB]: async (db, job, filing) => {
      if (filing.state !== 'RETURNED' || !this.forCurrentDeadline(job, filing)) return;
      await this.tell(db, filing, filing.tenantId, {
        title: '补正期限临近',
        body: `的备案被退回修改，补正期限为 ${filing.correctionDeadline}，逾期未重新提交将不予备案。`,
        dedupe: `filing.correction_reminder:${filing.id}:${filing.correctionDeadline}`,
        kind: 'DEADLINE_SOON',
      });
    },
    [FILING_NOTICE_END_JOB]: async (db, _job, filing) => {
      if (filing.state !== 'PUBLICISED') return;
      await this.tell(db, filing, filing.authorityTenantId, {
        title: '备案公示期满',
        body: `的备案公示已于 ${filing.noticeEndsOn} 结束，答复全部异议后可作出备案决定。`,
        dedupe: `filing.notice_end:${filing.id}:${filing.noticeEndsOn}`,
        kind: 'FILING_NOTICE_OVER',
      });
    },
  };

  private async onFiling(db: EntityManager, job: Job, step: Step): Promise<void> {
    const { filingId } = job.payload;
    if (typeof filingId !== 'string') throw new Error(`malformed job ${job.kind}:${job.key}`);
    const filing = await this.filings.find(db, filingId);
    if (filing) await step(db, job, filing);
  }

  /** A deadline's job is keyed `<filing>:<deadline>`: a later return with a new deadline queues its own. */
  private forCurrentDeadline(job: Job, filing: FilingEntity): boolean {
    return job.key.endsWith(`:${filing.correctionDeadline}`);
  }

  /** The system's step for the province, when the workflow offers it from the filing's state. */
  private async systemStep(
    db: EntityManager,
    job: Job,
    filing: FilingEntity,
    action: FilingAction,
  ): Promise<void> {
    if (!transitionOf(FILING_WORKFLOW, filing.state, action)) return;
    await this.engine.transition(
      db,
      { userId: '', tenantId: job.tenantId, tenantLevel: 'PROVINCE', roles: [], sessionId: '', system: true },
      this.filingKind,
      { id: filing.id, action, version: filing.version, text: '' },
    );
  }

  private async tell(
    db: EntityManager,
    filing: FilingEntity,
    tenantId: string,
    words: { title: string; body: string; dedupe: string; kind: Posting['kind'] },
  ): Promise<void> {
    const name = filing.dossier?.alliance.name ?? '联盟';
    await this.messages.post(db, {
      to: { tenantId, roles: STAFF_ROLES },
      kind: words.kind,
      title: `${words.title}：${name}`,
      body: `「${name}」${words.body}`,
      link: `/filings/${filing.id}`,
      subjectType: 'filing',
      subjectId: filing.id,
      dedupeKey: words.dedupe,
    });
  }
}
