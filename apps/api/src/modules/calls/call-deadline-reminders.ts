import { Injectable, type OnModuleInit } from '@nestjs/common';
import { chinaDateTime, reminderAt, STAFF_ROLES } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { type JobHandler, JobHandlers } from '../jobs/job-handlers';
import { type Job, JobsRepository } from '../jobs/jobs.repository';
import { MessagesService } from '../messages/messages.service';
import { CallsRepository } from './calls.repository';
import type { PilotCallEntity } from './pilot-call.entity';

/** The deadlines of a call that are worth a reminder, and who needs it. */
const DEADLINES = {
  closesAt: { label: '申报截止', audience: 'APPLICANTS' },
  recommendBy: { label: '推荐截止', audience: 'APPLICANTS' },
  decideBy: { label: '确认截止', audience: 'AUTHORITY' },
} as const;

type Deadline = keyof typeof DEADLINES;

function isDeadline(value: unknown): value is Deadline {
  return typeof value === 'string' && Object.hasOwn(DEADLINES, value);
}

/**
 * Three days before each deadline of a published call, its staff are reminded: the applicant
 * cities of the closing and recommendation dates, the authority of its decision date. Scheduled
 * when the call is published (a published call's dates no longer change).
 */
@Injectable()
export class CallDeadlineReminders implements JobHandler, OnModuleInit {
  readonly kind = 'pilot_call.deadline_reminder';
  readonly actsAs = 'AUTHORITY';

  constructor(
    private readonly calls: CallsRepository,
    private readonly jobs: JobsRepository,
    private readonly messages: MessagesService,
    private readonly handlers: JobHandlers,
  ) {}

  onModuleInit(): void {
    this.handlers.register(this);
  }

  /** Schedules the reminders of a call just published; deadlines already within reach are reminded at once. */
  async schedule(db: EntityManager, call: PilotCallEntity, now: Date): Promise<void> {
    for (const deadline of Object.keys(DEADLINES) as Deadline[]) {
      const at = reminderAt(call[deadline], now);
      if (!at) continue;
      await this.jobs.schedule(db, {
        tenantId: call.tenantId,
        kind: this.kind,
        key: `${call.id}:${deadline}`,
        payload: { callId: call.id, deadline },
        runAt: at,
      });
    }
  }

  async run(db: EntityManager, job: Job): Promise<void> {
    const { callId, deadline } = job.payload;
    if (typeof callId !== 'string' || !isDeadline(deadline)) throw new Error(`malformed reminder ${job.key}`);
    const call = await this.calls.find(db, callId);
    if (!call || call.status !== 'PUBLISHED') return;
    const { label, audience } = DEADLINES[deadline];
    const tenants =
      audience === 'AUTHORITY' ? [call.tenantId] : await this.calls.applicantTenants(db, call.tenantId);
    for (const tenantId of tenants) {
      await this.messages.post(db, {
        to: { tenantId, roles: STAFF_ROLES },
        kind: 'DEADLINE_SOON',
        title: `${label}临近：${call.title}`,
        body: `申报通知「${call.title}」的${label}时间为 ${chinaDateTime(call[deadline])}，请及时办理。`,
        link: '/pilots/calls',
        subjectType: 'pilot_call',
        subjectId: call.id,
        dedupeKey: `pilot_call.deadline:${call.id}:${deadline}`,
      });
    }
  }
}
