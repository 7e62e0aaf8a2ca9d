import { Injectable } from '@nestjs/common';
import { chinaDate, type FieldViolation, isCalendarDate, pilotActorsOf } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppError, badInput, notFound, violation } from '../../common/errors/app-error';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import { UUID } from '../../common/uuid';
import { type PilotApplicationEntity, PilotObjectionEntity } from './pilot-application.entity';
import { PilotApplicationsService } from './pilot-applications.service';

/** Objections received during public notice (公示, Art. 13) and the authority's answers. */
@Injectable()
export class PilotObjectionsService {
  constructor(
    private readonly applications: PilotApplicationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private requireAuthority(viewer: Viewer, application: PilotApplicationEntity): void {
    if (!pilotActorsOf(viewer, application).includes('AUTHORITY'))
      throw new AppError('FORBIDDEN', {}, '公示异议由作出决定的主管部门登记和答复');
  }

  /** The authority's staff read them; anyone else reads none. */
  async list(
    db: EntityManager,
    viewer: Viewer,
    application: PilotApplicationEntity,
  ): Promise<PilotObjectionEntity[]> {
    if (!pilotActorsOf(viewer, application).includes('AUTHORITY')) return [];
    return db.find(PilotObjectionEntity, {
      where: { tenantId: application.authorityTenantId, applicationId: application.id },
      order: { receivedOn: 'ASC', recordedAt: 'ASC' },
    });
  }

  async record(
    ctx: RequestContext,
    viewer: Viewer,
    input: { applicationId: string; receivedOn: string; objector: string; content: string },
  ): Promise<PilotObjectionEntity> {
    const application = await this.applications.get(ctx.db, input.applicationId);
    this.requireAuthority(viewer, application);
    if (application.state !== 'PUBLICISED')
      throw new AppError('CONFLICT', {}, '只有公示中的申报可以登记异议');
    const violations: FieldViolation[] = [];
    const objector = input.objector.trim();
    const content = input.content.trim();
    if (!isCalendarDate(input.receivedOn))
      violations.push(violation('receivedOn', 'CALENDAR_DATE', '收到日期应为有效日期（YYYY-MM-DD）'));
    else if (application.noticeStartsOn && input.receivedOn < application.noticeStartsOn)
      violations.push(violation('receivedOn', 'DURING_NOTICE', '收到日期不能早于公示开始日期'));
    else if (input.receivedOn > chinaDate(this.clock.now()))
      violations.push(violation('receivedOn', 'NOT_IN_FUTURE', '收到日期不能晚于今天'));
    if (objector.length < 1 || objector.length > 100)
      violations.push(violation('objector', 'LENGTH', '异议人应为 1–100 个字'));
    if (content.length < 1 || content.length > 5000)
      violations.push(violation('content', 'LENGTH', '异议内容应为 1–5000 个字'));
    if (violations.length) throw badInput(violations);
    const saved = await ctx.db.save(
      ctx.db.create(PilotObjectionEntity, {
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
      }),
    );
    await this.audit.record(ctx.db, {
      action: 'pilot_objection.record',
      subjectType: 'pilot_objection',
      subjectId: saved.id,
      after: { applicationId: application.id, receivedOn: input.receivedOn, objector, content },
    });
    return this.get(ctx.db, saved.id);
  }

  private async get(db: EntityManager, id: string): Promise<PilotObjectionEntity> {
    const objection = UUID.test(id) ? await db.findOneBy(PilotObjectionEntity, { id }) : null;
    if (!objection) throw notFound();
    return objection;
  }

  async answer(
    ctx: RequestContext,
    viewer: Viewer,
    id: string,
    answer: string,
  ): Promise<PilotObjectionEntity> {
    const objection = await this.get(ctx.db, id);
    const application = await this.applications.get(ctx.db, objection.applicationId);
    this.requireAuthority(viewer, application);
    if (application.state !== 'PUBLICISED')
      throw new AppError('CONFLICT', {}, '只有公示中的申报可以答复异议');
    const text = answer.trim();
    if (text.length < 1 || text.length > 5000)
      throw badInput([violation('answer', 'LENGTH', '答复应为 1–5000 个字')]);
    if (objection.answer !== null) throw new AppError('CONFLICT', {}, '该异议已答复');
    const result = await ctx.db
      .createQueryBuilder()
      .update(PilotObjectionEntity)
      .set({ answer: text, answeredAt: this.clock.now(), answeredBy: viewer.userId })
      .where('id = :id AND answer IS NULL', { id: objection.id })
      .execute();
    if (result.affected !== 1) throw new AppError('CONFLICT', {}, '该异议已答复');
    await this.audit.record(ctx.db, {
      action: 'pilot_objection.answer',
      subjectType: 'pilot_objection',
      subjectId: objection.id,
      after: { applicationId: application.id, answer: text },
    });
    return this.get(ctx.db, objection.id);
  }
}
