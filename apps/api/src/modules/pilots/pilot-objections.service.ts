import { Injectable } from '@nestjs/common';
import { chinaDate, type FieldViolation, isCalendarDate, pilotActorsOf } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { actOn } from '../../common/access/access';
import { Clock } from '../../common/clock';
import { badInput, violation } from '../../common/errors/app-error';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import type { PilotApplicationEntity, PilotObjectionEntity } from './pilot-application.entity';
import { PilotApplicationsService } from './pilot-applications.service';
import { PilotObjectionsRepository } from './pilot-objections.repository';
import { objectionAnswered, objectionOutsideNotice, requireActor } from './pilots.errors';

const AUTHORITY_ONLY = '公示异议由作出决定的主管部门登记和答复';

export type ObjectionInput = { applicationId: string; receivedOn: string; objector: string; content: string };

/** Objections received during public notice (公示, Art. 13) and the authority's answers. */
@Injectable()
export class PilotObjectionsService {
  constructor(
    private readonly objections: PilotObjectionsRepository,
    private readonly applications: PilotApplicationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The authority's staff read them; anyone else reads none. */
  async list(
    db: EntityManager,
    viewer: Viewer,
    application: PilotApplicationEntity,
  ): Promise<PilotObjectionEntity[]> {
    if (!pilotActorsOf(viewer, application).includes('AUTHORITY')) return [];
    return this.objections.listFor(db, application);
  }

  /** Objections raised during the public notice and not yet answered. */
  openCount(db: EntityManager, application: PilotApplicationEntity): Promise<number> {
    return this.objections.openCount(db, application);
  }

  async record(ctx: RequestContext, viewer: Viewer, input: ObjectionInput): Promise<PilotObjectionEntity> {
    const application = await this.applications.get(ctx.db, input.applicationId);
    requireActor(viewer, application, 'AUTHORITY', AUTHORITY_ONLY);
    if (application.state !== 'PUBLICISED') throw objectionOutsideNotice();
    const objector = input.objector.trim();
    const content = input.content.trim();
    const violations = this.objectionViolations(application, input.receivedOn, objector, content);
    if (violations.length) throw badInput(violations);
    const id = await this.objections.insert(ctx.db, {
      tenantId: viewer.tenantId,
      applicationId: application.id,
      applicationTenantId: application.tenantId,
      receivedOn: input.receivedOn,
      objector,
      content,
      answer: null,
      answeredAt: null,
      answeredBy: null,
      recordedAt: this.clock.now(),
      recordedBy: viewer.userId,
    });
    await this.audit.record(ctx.db, {
      action: 'pilot_objection.record',
      subjectType: 'pilot_objection',
      subjectId: id,
      after: { applicationId: application.id, receivedOn: input.receivedOn, objector, content },
    });
    return this.get(ctx.db, id);
  }

  private objectionViolations(
    application: PilotApplicationEntity,
    receivedOn: string,
    objector: string,
    content: string,
  ): FieldViolation[] {
    const violations: FieldViolation[] = [];
    if (!isCalendarDate(receivedOn))
      violations.push(violation('receivedOn', 'CALENDAR_DATE', '收到日期应为有效日期（YYYY-MM-DD）'));
    else if (application.noticeStartsOn && receivedOn < application.noticeStartsOn)
      violations.push(violation('receivedOn', 'DURING_NOTICE', '收到日期不能早于公示开始日期'));
    else if (receivedOn > chinaDate(this.clock.now()))
      violations.push(violation('receivedOn', 'NOT_IN_FUTURE', '收到日期不能晚于今天'));
    if (objector.length < 1 || objector.length > 100)
      violations.push(violation('objector', 'LENGTH', '异议人应为 1–100 个字'));
    if (content.length < 1 || content.length > 5000)
      violations.push(violation('content', 'LENGTH', '异议内容应为 1–5000 个字'));
    return violations;
  }

  private async get(db: EntityManager, id: string): Promise<PilotObjectionEntity> {
    return actOn(await this.objections.find(db, id));
  }

  async answer(
    ctx: RequestContext,
    viewer: Viewer,
    id: string,
    answer: string,
  ): Promise<PilotObjectionEntity> {
    const objection = await this.get(ctx.db, id);
    const application = await this.applications.get(ctx.db, objection.applicationId);
    requireActor(viewer, application, 'AUTHORITY', AUTHORITY_ONLY);
    if (application.state !== 'PUBLICISED') throw objectionOutsideNotice();
    const text = answer.trim();
    if (text.length < 1 || text.length > 5000)
      throw badInput([violation('answer', 'LENGTH', '答复应为 1–5000 个字')]);
    if (objection.answer !== null) throw objectionAnswered();
    if (!(await this.objections.answer(ctx.db, objection.id, text, this.clock.now(), viewer.userId)))
      throw objectionAnswered();
    await this.audit.record(ctx.db, {
      action: 'pilot_objection.answer',
      subjectType: 'pilot_objection',
      subjectId: objection.id,
      after: { applicationId: application.id, answer: text },
    });
    return this.get(ctx.db, objection.id);
  }
}
