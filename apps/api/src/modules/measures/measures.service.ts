import { Injectable } from '@nestjs/common';
import {
  checkOverridesShape,
  fieldViolation,
  type FieldViolation,
  isCalendarDate,
  type MeasuresParameters,
  resolveParameters,
  validateMeasuresParameters,
} from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { ownRecord, requireAdmin, requireStaff } from '../../common/access/access';
import { Clock } from '../../common/clock';
import { badInput } from '../../common/errors/app-error';
import { staleEdit } from '../../common/errors/stale-edit';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import type { MeasuresDraftInput, UpdateMeasuresDraftInput } from './dto/measures-draft.input';
import type { MeasuresEntity } from './measures.entity';
import { measuresNotDraft, measuresNotInForce } from './measures.errors';
import { type MeasuresInForceModel, toMeasuresModel } from './measures.model';
import { MeasuresRepository } from './measures.repository';

export type MeasuresInForce = {
  asOf: string;
  province: MeasuresEntity;
  local: MeasuresEntity | null;
  parameters: MeasuresParameters;
};

/** Versioned rule sets (Art. 21–22): staff write drafts, an admin publishes, published versions never change. */
@Injectable()
export class MeasuresService {
  constructor(
    private readonly measures: MeasuresRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The viewer's own versions and those its parent tier has published (row-level security decides). */
  versions(db: EntityManager): Promise<MeasuresEntity[]> {
    return this.measures.versions(db);
  }

  /**
   * The rules in force for a tenant on a date: the province's latest published version effective
   * by then, overridden by the city's own (Art. 21). `own: false` gives the province's alone.
   */
  async inForce(db: EntityManager, viewer: Viewer, asOf: string, own = true): Promise<MeasuresInForce> {
    // A client's date reaches SQL here: PostgreSQL would fail on 2026-02-30 and read 'yesterday' as a date.
    if (!isCalendarDate(asOf)) {
      throw badInput([{ ...fieldViolation('asOf', 'CALENDAR_DATE'), message: '应为有效日期（YYYY-MM-DD）' }]);
    }
    const { province, local } = await this.measures.inForce(
      db,
      asOf,
      own && viewer.tenantLevel === 'CITY' ? viewer.tenantId : null,
    );
    if (!province) throw measuresNotInForce(asOf);
    const parameters = resolveParameters(province.parameters as MeasuresParameters, local?.parameters ?? {});
    return { asOf, province, local, parameters };
  }

  toInForceModel(inForce: MeasuresInForce): MeasuresInForceModel {
    return {
      asOf: inForce.asOf,
      province: toMeasuresModel(inForce.province),
      local: inForce.local ? toMeasuresModel(inForce.local) : null,
      parameters: inForce.parameters,
    };
  }

  private async checkDraft(db: EntityManager, viewer: Viewer, input: MeasuresDraftInput) {
    const violations: FieldViolation[] = [];
    if (input.title.trim().length < 2)
      violations.push({ ...fieldViolation('title', 'REQUIRED'), message: '请填写标题' });
    if (input.documentNumber.trim().length < 2) {
      violations.push({ ...fieldViolation('documentNumber', 'REQUIRED'), message: '请填写文号' });
    }
    if (!isCalendarDate(input.effectiveOn)) {
      violations.push({
        ...fieldViolation('effectiveOn', 'CALENDAR_DATE'),
        message: '生效日期应为有效日期（YYYY-MM-DD）',
      });
    }
    if (violations.length) throw badInput(violations);
    if (viewer.tenantLevel === 'PROVINCE') {
      const problems = validateMeasuresParameters(input.parameters as MeasuresParameters);
      if (problems.length) throw badInput(problems.map((p) => ({ ...p, field: `parameters.${p.field}` })));
      return { derivesFrom: null };
    }
    const shape = checkOverridesShape(input.parameters);
    if (shape.length) throw badInput(shape);
    // A city's version derives from the province's version in force on its effective date.
    const province = await this.measures.latestPublished(db, 'PROVINCE', input.effectiveOn);
    if (!province)
      throw badInput([
        {
          ...fieldViolation('effectiveOn', 'NO_PROVINCIAL_MEASURES'),
          message: '该日期没有生效的省级实施办法',
        },
      ]);
    const resolved = resolveParameters(province.parameters as MeasuresParameters, input.parameters);
    const problems = validateMeasuresParameters(resolved);
    if (problems.length) throw badInput(problems.map((p) => ({ ...p, field: `parameters.${p.field}` })));
    return { derivesFrom: province };
  }

  async createDraft(ctx: RequestContext, viewer: Viewer, input: MeasuresDraftInput): Promise<MeasuresEntity> {
    requireStaff(viewer);
    const { derivesFrom } = await this.checkDraft(ctx.db, viewer, input);
    const measures = await this.measures.insert(ctx.db, {
      tenantId: viewer.tenantId,
      versionNo: await this.measures.nextVersionNo(ctx.db, viewer.tenantId),
      title: input.title.trim(),
      documentNumber: input.documentNumber.trim(),
      effectiveOn: input.effectiveOn,
      derivesFromTenantId: derivesFrom?.tenantId ?? null,
      derivesFromId: derivesFrom?.id ?? null,
      parameters: input.parameters,
      status: 'DRAFT',
      publishedAt: null,
      createdBy: viewer.userId,
    });
    await this.audit.record(ctx.db, {
      action: 'measures.create_draft',
      subjectType: 'measures',
      subjectId: measures.id,
      after: { versionNo: measures.versionNo, title: measures.title, parameters: measures.parameters },
    });
    return measures;
  }

  /** A draft of the viewer's own tier: the parent tier's versions are read, never edited. */
  private async ownDraft(db: EntityManager, viewer: Viewer, id: string): Promise<MeasuresEntity> {
    const measures = ownRecord(viewer, await this.measures.find(db, id));
    if (measures.status !== 'DRAFT') throw measuresNotDraft();
    return measures;
  }

  async updateDraft(
    ctx: RequestContext,
    viewer: Viewer,
    input: UpdateMeasuresDraftInput,
  ): Promise<MeasuresEntity> {
    requireStaff(viewer);
    const measures = await this.ownDraft(ctx.db, viewer, input.id);
    const { derivesFrom } = await this.checkDraft(ctx.db, viewer, input);
    const before = {
      title: measures.title,
      effectiveOn: measures.effectiveOn,
      parameters: measures.parameters,
    };
    Object.assign(measures, {
      title: input.title.trim(),
      documentNumber: input.documentNumber.trim(),
      effectiveOn: input.effectiveOn,
      parameters: input.parameters,
    });
    const updatedAt = this.clock.now();
    const written = await this.measures.updateDraft(
      ctx.db,
      measures.id,
      input.version,
      {
        title: measures.title,
        documentNumber: measures.documentNumber,
        effectiveOn: measures.effectiveOn,
        parameters: measures.parameters,
      },
      updatedAt,
    );
    if (!written) {
      throw await staleEdit(ctx.db, 'measures', measures.id, `实施办法第 ${measures.versionNo} 版草稿`);
    }
    Object.assign(measures, { version: input.version + 1, updatedAt });
    await this.audit.record(ctx.db, {
      action: 'measures.update_draft',
      subjectType: 'measures',
      subjectId: measures.id,
      before,
      after: {
        title: measures.title,
        effectiveOn: measures.effectiveOn,
        parameters: measures.parameters,
        derivesFromId: derivesFrom?.id ?? null,
      },
    });
    return measures;
  }

  async publish(ctx: RequestContext, viewer: Viewer, id: string): Promise<MeasuresEntity> {
    requireAdmin(viewer);
    const measures = await this.ownDraft(ctx.db, viewer, id);
    // Checked again: the provincial measures in force on its date may differ from when it was saved.
    await this.checkDraft(ctx.db, viewer, measures);
    const publishedAt = this.clock.now();
    // Published by someone else since it was read.
    if (!(await this.measures.publish(ctx.db, measures.id, publishedAt))) throw measuresNotDraft();
    await this.audit.record(ctx.db, {
      action: 'measures.publish',
      subjectType: 'measures',
      subjectId: measures.id,
      after: { versionNo: measures.versionNo, effectiveOn: measures.effectiveOn },
    });
    return { ...measures, status: 'PUBLISHED', publishedAt };
  }
}
