import { Injectable } from '@nestjs/common';
import {
  activeDebarmentsOf,
  ART_20_2,
  chinaDate,
  type DebarmentInput,
  debarmentActiveOn,
  debarmentViolations,
  type FieldViolation,
  IP_DEFAULTS,
  isCalendarDate,
  liftingViolations,
  recordDebarment,
} from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { actOn, requireAdmin } from '../../common/access/access';
import { Clock } from '../../common/clock';
import { AppError, badInput, invalid, violation } from '../../common/errors/app-error';
import { sqlState, UNIQUE_VIOLATION } from '../../common/errors/database-errors';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import { type MeasuresInForce, MeasuresService } from '../measures/measures.service';
import type { DebarmentFilterInput, LiftDebarmentInput, RecordDebarmentInput } from './dto/debarment.input';
import { type DebarmentRecord, DebarmentsRepository } from './debarments.repository';
import { debarmentAlreadyLifted, notTheDecidingAuthority } from './programmes.errors';

/** The most units one look-up names (a panel, an application's participants). */
export const MAX_ORGANIZATIONS_PER_LOOKUP = 200;
const EVIDENCE_MAX_CHARS = 4000;

/**
 * The debarment register (Art. 20(2)): an authority's administrators record and lift their own
 * decisions; every signed-in user reads every authority's. The until date, the activity on a day
 * and every field rule are the domain's.
 */
@Injectable()
export class DebarmentsService {
  constructor(
    private readonly debarments: DebarmentsRepository,
    private readonly measures: MeasuresService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The register (every authority's decisions), of one unit and in force on a day if asked. */
  async list(db: EntityManager, filter: DebarmentFilterInput): Promise<DebarmentRecord[]> {
    const activeOn = filter.activeOn ?? null;
    if (activeOn !== null && !isCalendarDate(activeOn))
      throw invalid('activeOn', 'CALENDAR_DATE', '应为有效日期（YYYY-MM-DD）');
    const records = await this.debarments.list(db, filter.organizationId ?? null);
    return activeOn === null ? records : records.filter((d) => debarmentActiveOn(d, activeOn));
  }

  /** The debarments in force on `on` against any of the units, whoever decided them. */
  async active(
    db: EntityManager,
    organizationIds: readonly string[],
    on: string,
  ): Promise<DebarmentRecord[]> {
    const violations: FieldViolation[] = [];
    if (!isCalendarDate(on)) violations.push(violation('on', 'CALENDAR_DATE', '应为有效日期（YYYY-MM-DD）'));
    if (organizationIds.length > MAX_ORGANIZATIONS_PER_LOOKUP)
      violations.push(
        violation('organizationIds', 'TOO_MANY', `一次最多查询 ${MAX_ORGANIZATIONS_PER_LOOKUP} 个单位`),
      );
    if (violations.length) throw badInput(violations);
    return activeDebarmentsOf(
      await this.debarments.ofOrganizations(db, organizationIds),
      organizationIds,
      on,
    );
  }

  async get(db: EntityManager, id: string): Promise<DebarmentRecord> {
    return actOn(await this.debarments.find(db, id));
  }

  /** The viewer's rules in force on `asOf`, or null when none were (no debarment years to apply). */
  private async measuresOn(db: EntityManager, viewer: Viewer, asOf: string): Promise<MeasuresInForce | null> {
    try {
      return await this.measures.inForce(db, viewer, asOf);
    } catch (error) {
      if (error instanceof AppError && error.code === 'MEASURES_NOT_IN_FORCE') return null;
      throw error;
    }
  }

  async record(db: EntityManager, viewer: Viewer, input: RecordDebarmentInput): Promise<DebarmentRecord> {
    requireAdmin(viewer, '禁入由主管部门的管理员登记');
    const decision: DebarmentInput = {
      organizationId: input.organizationId,
      reason: input.reason,
      // The article of Art. 20(2) unless the decision names another.
      article: input.article?.trim() ? input.article : ART_20_2,
      decisionDocument: input.decisionDocument,
      fromDate: input.fromDate,
    };
    const evidence = (input.evidence ?? '').trim();
    // The period is the one of the measures in force for the authority on the day the debarment
    // starts; a date that is none is refused below, the other fields checked all the same.
    const asOf = isCalendarDate(decision.fromDate) ? decision.fromDate : chinaDate(this.clock.now());
    const inForce = await this.measuresOn(db, viewer, asOf);
    const organizationName = await this.debarments.organizationName(db, decision.organizationId);
    const violations: FieldViolation[] = inForce
      ? debarmentViolations(decision, inForce.parameters.ip.debarmentYears)
      : [
          // No rules in force, no years to apply: that is the refusal; the fields are checked all the same.
          ...debarmentViolations(decision, IP_DEFAULTS.debarmentYears),
          violation('fromDate', 'MEASURES_IN_FORCE', `${asOf} 没有生效的实施办法，不能确定禁入年限`),
        ];
    if (decision.organizationId.trim() !== '' && organizationName === null)
      violations.push(violation('organizationId', 'NOT_FOUND', '单位名录中没有该单位'));
    if ([...evidence].length > EVIDENCE_MAX_CHARS)
      violations.push(violation('evidence', 'TOO_LONG', `证据说明不超过 ${EVIDENCE_MAX_CHARS} 字`));
    if (violations.length || !inForce || organizationName === null) throw badInput(violations);

    const years = inForce.parameters.ip.debarmentYears;
    const debarment = recordDebarment({ ...decision, organizationName }, years);
    const measures = inForce.local ?? inForce.province;
    let id: string;
    try {
      id = await this.debarments.insert(
        db,
        {
          tenantId: viewer.tenantId,
          organizationId: debarment.organizationId,
          reason: debarment.reason,
          article: debarment.article,
          decisionDocument: debarment.decisionDocument,
          fromDate: debarment.fromDate,
          untilDate: debarment.untilDate,
          debarmentYears: years,
          measuresTenantId: measures.tenantId,
          measuresId: measures.id,
          measuresVersionNo: measures.versionNo,
          recordedAt: this.clock.now(),
        },
        evidence,
        viewer.userId,
      );
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION)
        throw invalid('decisionDocument', 'DUPLICATE', '该决定对该单位的禁入已经登记');
      throw error;
    }
    const recorded = await this.get(db, id);
    await this.audit.record(db, {
      action: 'debarment.record',
      subjectType: 'debarment',
      subjectId: id,
      after: { ...auditable(recorded), evidence },
    });
    return recorded;
  }

  async lift(ctx: RequestContext, viewer: Viewer, input: LiftDebarmentInput): Promise<DebarmentRecord> {
    requireAdmin(viewer, '禁入由作出决定的主管部门的管理员解除');
    const debarment = await this.get(ctx.db, input.id);
    if (debarment.tenantId !== viewer.tenantId) throw notTheDecidingAuthority();
    const lifting = { on: input.on, reason: input.reason.trim() };
    const violations = liftingViolations(debarment, lifting);
    const lifted = violations.find((v) => v.rule === 'ALREADY_LIFTED');
    if (lifted) throw debarmentAlreadyLifted(lifted);
    if (violations.length) throw badInput(violations);
    // Lifted meanwhile by another administrator: the guarded update found nothing to lift.
    const at = this.clock.now();
    if (!(await this.debarments.lift(ctx.db, debarment.id, { ...lifting, at }, viewer.userId)))
      throw debarmentAlreadyLifted();
    const after = await this.get(ctx.db, debarment.id);
    await this.audit.record(ctx.db, {
      action: 'debarment.lift',
      subjectType: 'debarment',
      subjectId: debarment.id,
      before: { lifted: null },
      after: auditable(after),
    });
    return after;
  }
}

function auditable(d: DebarmentRecord) {
  return {
    organizationId: d.organizationId,
    organizationName: d.organizationName,
    reason: d.reason,
    article: d.article,
    decisionDocument: d.decisionDocument,
    fromDate: d.fromDate,
    untilDate: d.untilDate,
    debarmentYears: d.debarmentYears,
    measuresId: d.measuresId,
    measuresVersionNo: d.measuresVersionNo,
    lifted: d.lifted,
  };
}
