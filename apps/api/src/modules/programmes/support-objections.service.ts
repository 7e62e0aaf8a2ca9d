import { Injectable } from '@nestjs/common';
import {
  chinaDate,
  isStaff,
  type NoticeSubjectType,
  noticeObjectionViolations,
  type ObjectionTally,
  objectionAnswerViolations,
} from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { actOn } from '../../common/access/access';
import { Clock } from '../../common/clock';
import { AppError, badInput } from '../../common/errors/app-error';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import type { SupportObjectionEntity } from './support-objection.entity';
import { IN_NOTICE, type NoticeSubject, SupportObjectionsRepository } from './support-objections.repository';

export type RecordObjection = {
  subjectType: NoticeSubjectType;
  subjectId: string;
  receivedOn: string;
  objector: string;
  content: string;
};

const notInNotice = () => new AppError('SUPPORT_NOT_IN_NOTICE');

/**
 * Objections to a support notice (公示): before a programme award, and before a project's
 * acceptance passes. The authority running the notice records and answers them; the decision
 * waits for every answer, and a sustained one leaves only the negative decision.
 */
@Injectable()
export class SupportObjectionsService {
  constructor(
    private readonly objections: SupportObjectionsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The subject as its authority's staff read it; anything else is not found. */
  private async authoritySubject(
    db: EntityManager,
    viewer: Viewer,
    type: NoticeSubjectType,
    id: string,
  ): Promise<NoticeSubject> {
    return actOn(
      await this.objections.subject(db, type, id),
      (s) => isStaff(viewer.roles) && s.authorityTenantId === viewer.tenantId,
    );
  }

  /** The authority's staff read them; anyone else reads none. */
  async list(
    db: EntityManager,
    viewer: Viewer,
    subject: { type: NoticeSubjectType; id: string; authorityTenantId: string },
  ): Promise<SupportObjectionEntity[]> {
    if (!isStaff(viewer.roles) || viewer.tenantId !== subject.authorityTenantId) return [];
    return this.objections.listFor(db, subject);
  }

  /**
   * Where the notice stands for a decision, read under the subject's row lock so an objection
   * recorded meanwhile either comes before the decision or finds it taken.
   */
  async tallyForDecision(
    db: EntityManager,
    subject: { type: NoticeSubjectType; id: string; authorityTenantId: string },
  ): Promise<ObjectionTally> {
    await this.objections.lock(db, subject);
    return this.objections.tally(db, subject);
  }

  async record(ctx: RequestContext, viewer: Viewer, input: RecordObjection): Promise<SupportObjectionEntity> {
    const subject = await this.authoritySubject(ctx.db, viewer, input.subjectType, input.subjectId);
    await this.objections.lock(ctx.db, subject);
    const current = actOn(await this.objections.subject(ctx.db, subject.type, subject.id));
    if (current.state !== IN_NOTICE[current.type]) throw notInNotice();
    const violations = noticeObjectionViolations(
      input,
      { startsOn: current.noticeStartsOn, endsOn: current.noticeEndsOn },
      chinaDate(this.clock.now()),
    );
    if (violations.length) throw badInput(violations);
    const objector = input.objector.trim();
    const content = input.content.trim();
    const id = await this.objections.insert(ctx.db, {
      tenantId: viewer.tenantId,
      subjectType: current.type,
      subjectId: current.id,
      receivedOn: input.receivedOn.trim(),
      objector,
      content,
      answer: null,
      sustained: null,
      answeredAt: null,
      answeredBy: null,
      recordedAt: this.clock.now(),
      recordedBy: viewer.userId,
    });
    await this.audit.record(ctx.db, {
      action: 'support_objection.record',
      subjectType: current.type,
      subjectId: current.id,
      after: { objectionId: id, receivedOn: input.receivedOn.trim(), objector },
    });
    return actOn(await this.objections.find(ctx.db, id));
  }

  async answer(
    ctx: RequestContext,
    viewer: Viewer,
    input: { id: string; answer: string; sustained: boolean },
  ): Promise<SupportObjectionEntity> {
    const objection = actOn(
      await this.objections.find(ctx.db, input.id),
      (o) => isStaff(viewer.roles) && o.tenantId === viewer.tenantId,
    );
    const subject = await this.authoritySubject(ctx.db, viewer, objection.subjectType, objection.subjectId);
    const violations = objectionAnswerViolations(input.answer);
    if (violations.length) throw badInput(violations);
    await this.objections.lock(ctx.db, subject);
    const current = actOn(await this.objections.subject(ctx.db, subject.type, subject.id));
    if (current.state !== IN_NOTICE[current.type]) throw notInNotice();
    if (objection.answer !== null) throw new AppError('SUPPORT_OBJECTION_ANSWERED');
    const text = input.answer.trim();
    const answered = await this.objections.answer(ctx.db, objection.id, {
      text,
      sustained: input.sustained,
      at: this.clock.now(),
      by: viewer.userId,
    });
    if (!answered) throw new AppError('SUPPORT_OBJECTION_ANSWERED');
    await this.audit.record(ctx.db, {
      action: 'support_objection.answer',
      subjectType: current.type,
      subjectId: current.id,
      after: { objectionId: objection.id, sustained: input.sustained },
    });
    return actOn(await this.objections.find(ctx.db, objection.id));
  }
}
