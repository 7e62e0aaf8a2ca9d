import { Injectable, type OnModuleInit } from '@nestjs/common';
import { addCalendarDays, type NoticeSubjectType, STAFF_ROLES } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { JobHandlers } from '../jobs/job-handlers';
import type { Job, JobRequest } from '../jobs/jobs.repository';
import { MessagesService } from '../messages/messages.service';
import { IN_NOTICE, SupportObjectionsRepository } from './support-objections.repository';

/** The job that tells the authority a support notice (公示) has ended. */
export const SUPPORT_NOTICE_END_JOB = 'support.notice_end';

type NoticeEndPayload = { subjectType: NoticeSubjectType; subjectId: string; title: string; link: string };

/** The job for a notice ending on `endsOn`: it runs as the next China day begins. */
export function noticeEndJob(tenantId: string, endsOn: string, payload: NoticeEndPayload): JobRequest {
  return {
    tenantId,
    kind: SUPPORT_NOTICE_END_JOB,
    key: `${payload.subjectType}:${payload.subjectId}:${endsOn}`,
    payload,
    runAt: new Date(`${addCalendarDays(endsOn, 1)}T00:00:00+08:00`),
  };
}

/**
 * Tells the authority's staff that a notice before an award or an acceptance has ended, so the
 * decision may follow once every objection is answered. Idempotent: a subject that left its
 * notice meanwhile is not announced, and the message is deduplicated by subject and end date.
 */
@Injectable()
export class SupportNoticeEnds implements OnModuleInit {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly objections: SupportObjectionsRepository,
    private readonly messages: MessagesService,
  ) {}

  onModuleInit(): void {
    this.handlers.register({
      kind: SUPPORT_NOTICE_END_JOB,
      actsAs: 'AUTHORITY',
      run: (db, job) => this.announce(db, job),
    });
  }

  private async announce(db: EntityManager, job: Job): Promise<void> {
    const p = job.payload as Partial<NoticeEndPayload>;
    if ((p.subjectType !== 'programme_application' && p.subjectType !== 'project') || typeof p.subjectId !== 'string')
      throw new Error(`malformed job ${job.kind}:${job.key}`);
    const subject = await this.objections.subject(db, p.subjectType, p.subjectId);
    if (!subject || subject.state !== IN_NOTICE[subject.type] || !subject.noticeEndsOn) return;
    if (!job.key.endsWith(`:${subject.noticeEndsOn}`)) return;
    const what = subject.type === 'project' ? '验收公示' : '立项公示';
    const title = p.title ?? '';
    await this.messages.post(db, {
      to: { tenantId: subject.authorityTenantId, roles: STAFF_ROLES },
      kind: 'SUPPORT_NOTICE_OVER',
      title: `${what}期满：${title}`,
      body: `「${title}」的${what}已于 ${subject.noticeEndsOn} 结束，答复全部异议后可作出决定。`,
      link: p.link ?? '',
      subjectType: subject.type,
      subjectId: subject.id,
      dedupeKey: `support.notice_end:${subject.id}:${subject.noticeEndsOn}`,
    });
  }
}
