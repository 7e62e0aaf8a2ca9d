import { Injectable } from '@nestjs/common';
import {
  chinaDate,
  type Programme,
  programmeDefaults,
  type ProgrammeKind,
  type ProgrammeSettings,
  programmeViolations,
  type ReviewCriterion,
} from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { actOn, ownRecord, requireAdmin, requireStaff } from '../../common/access/access';
import { Clock } from '../../common/clock';
import { badInput, violation } from '../../common/errors/app-error';
import { sqlState, UNIQUE_VIOLATION } from '../../common/errors/database-errors';
import { staleEdit } from '../../common/errors/stale-edit';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import { CallMeasuresService } from '../calls/call-measures.service';
import type { MeasuresEntity } from '../measures/measures.entity';
import { MeasuresService } from '../measures/measures.service';
import type { ProgrammeInput } from './dto/programme.input';
import type { ProgrammeEntity } from './programme.entity';
import { programmeChanged, programmePublished } from './programmes.errors';
import { type ProgrammeFields, ProgrammesRepository } from './programmes.repository';

export type ProgrammeDefaults = ProgrammeSettings & { measures: MeasuresEntity };

/**
 * Support programmes (Art. 14): the authority's staff write them, an administrator publishes, a
 * published programme is final. Every rule of a programme is the domain's (programmeViolations).
 */
@Injectable()
export class ProgrammesService {
  constructor(
    private readonly programmes: ProgrammesRepository,
    private readonly measures: MeasuresService,
    private readonly callMeasures: CallMeasuresService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Own programmes in any status and the parent tier's published ones (row-level security decides). */
  list(db: EntityManager): Promise<ProgrammeEntity[]> {
    return this.programmes.list(db);
  }

  async get(db: EntityManager, id: string): Promise<ProgrammeEntity> {
    return actOn(await this.programmes.find(db, id));
  }

  /** What a new programme starts from: the measures in force today for the viewer's tier. */
  async defaults(db: EntityManager, viewer: Viewer): Promise<ProgrammeDefaults> {
    const inForce = await this.measures.inForce(db, viewer, chinaDate(this.clock.now()));
    return { ...programmeDefaults(inForce.parameters), measures: inForce.local ?? inForce.province };
  }

  /** The input as the domain's programme, what it leaves open taken from `defaults`; bad input refused. */
  private checked(viewer: Viewer, input: ProgrammeInput, defaults: ProgrammeSettings): ProgrammeFields {
    const cap = input.perProjectCapFen?.trim() ?? '';
    const programme: Programme = {
      tenantId: viewer.tenantId,
      level: viewer.tenantLevel,
      kind: input.kind as ProgrammeKind,
      name: input.name,
      year: input.year,
      totalBudgetFen: input.totalBudgetFen.trim(),
      // A cleared field is no cap.
      perProjectCapFen: cap === '' ? null : cap,
      criteria: (input.criteria ?? defaults.criteria).map((c) => ({ ...c }) as ReviewCriterion),
      awardNoticeDays: input.awardNoticeDays ?? defaults.awardNoticeDays,
      acceptanceNoticeDays: input.acceptanceNoticeDays ?? defaults.acceptanceNoticeDays,
    };
    const violations = programmeViolations(programme);
    if (violations.length) throw badInput(violations);
    return {
      name: programme.name.trim(),
      kind: programme.kind,
      year: programme.year,
      totalBudgetFen: BigInt(programme.totalBudgetFen).toString(),
      perProjectCapFen:
        programme.perProjectCapFen === null ? null : BigInt(programme.perProjectCapFen).toString(),
      criteria: programme.criteria.map((c) => ({ key: c.key, weight: c.weight })),
      awardNoticeDays: programme.awardNoticeDays,
      acceptanceNoticeDays: programme.acceptanceNoticeDays,
    };
  }

  private async saving<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION)
        throw badInput([violation('name', 'DUPLICATE', '本单位该年度已有同名的支持计划')]);
      throw error;
    }
  }

  async create(ctx: RequestContext, viewer: Viewer, input: ProgrammeInput): Promise<ProgrammeEntity> {
    requireStaff(viewer, '支持计划由主管部门的工作人员起草');
    const defaults = await this.defaults(ctx.db, viewer);
    const fields = this.checked(viewer, input, defaults);
    const id = await this.saving(() =>
      this.programmes.insert(ctx.db, {
        ...fields,
        tenantId: viewer.tenantId,
        measuresTenantId: defaults.measures.tenantId,
        measuresId: defaults.measures.id,
        measuresVersionNo: defaults.measures.versionNo,
        createdBy: viewer.userId,
      }),
    );
    const programme = await this.get(ctx.db, id);
    await this.audit.record(ctx.db, {
      action: 'programme.create',
      subjectType: 'programme',
      subjectId: id,
      after: auditable(programme),
    });
    return programme;
  }

  async update(
    ctx: RequestContext,
    viewer: Viewer,
    id: string,
    version: number,
    input: ProgrammeInput,
  ): Promise<ProgrammeEntity> {
    requireStaff(viewer, '支持计划由主管部门的工作人员修改');
    const programme = ownRecord(viewer, await this.programmes.find(ctx.db, id));
    if (programme.status !== 'DRAFT') throw programmePublished();
    const stale = () => staleEdit(ctx.db, 'programme', id, `支持计划「${programme.name}」`);
    if (programme.version !== version) throw await stale();
    // What the edit leaves open comes from the measures version the programme applies.
    const { parameters } = await this.callMeasures.parametersFor(ctx.db, programme);
    const fields = this.checked(viewer, input, programmeDefaults(parameters));
    if (!(await this.saving(() => this.programmes.updateDraft(ctx.db, id, version, fields))))
      throw await stale();
    const updated = await this.get(ctx.db, id);
    await this.audit.record(ctx.db, {
      action: 'programme.update',
      subjectType: 'programme',
      subjectId: id,
      before: auditable(programme),
      after: auditable(updated),
    });
    return updated;
  }

  async publish(ctx: RequestContext, viewer: Viewer, id: string, version: number): Promise<ProgrammeEntity> {
    requireAdmin(viewer, '支持计划须由本单位管理员发布');
    const programme = ownRecord(viewer, await this.programmes.find(ctx.db, id));
    if (programme.status !== 'DRAFT') throw programmePublished();
    if (programme.version !== version) throw programmeChanged();
    const violations = programmeViolations({ ...programme, level: viewer.tenantLevel });
    if (violations.length) throw badInput(violations);
    if (!(await this.programmes.publish(ctx.db, id, version, this.clock.now()))) throw programmeChanged();
    const published = await this.get(ctx.db, id);
    await this.audit.record(ctx.db, {
      action: 'programme.publish',
      subjectType: 'programme',
      subjectId: id,
      before: { status: 'DRAFT' },
      after: auditable(published),
    });
    return published;
  }
}

function auditable(p: ProgrammeEntity) {
  return {
    name: p.name,
    kind: p.kind,
    year: p.year,
    totalBudgetFen: String(p.totalBudgetFen),
    perProjectCapFen: p.perProjectCapFen === null ? null : String(p.perProjectCapFen),
    measuresId: p.measuresId,
    measuresVersionNo: p.measuresVersionNo,
    criteria: p.criteria,
    awardNoticeDays: p.awardNoticeDays,
    acceptanceNoticeDays: p.acceptanceNoticeDays,
    status: p.status,
  };
}
