import { Injectable } from '@nestjs/common';
import {
  chinaDate,
  type FilingDocumentKind,
  filingRoundDefaults,
  filingRoundViolations,
  type FilingRoundSettings,
} from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { actOn, ownRecord, requireAdmin } from '../../common/access/access';
import { Clock } from '../../common/clock';
import { badInput, violation } from '../../common/errors/app-error';
import { sqlState, UNIQUE_VIOLATION } from '../../common/errors/database-errors';
import { staleEdit } from '../../common/errors/stale-edit';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import { MeasuresService } from '../measures/measures.service';
import type { FilingRoundInput } from './dto/filing.input';
import type { FilingRoundEntity } from './filing.entity';
import { FilingRoundReminders } from './filing-round-reminders';
import { type FilingRoundFields, FilingRoundsRepository } from './filing-rounds.repository';
import { requireProvinceStaff, roundChanged, roundPublished } from './filings.errors';

export type FilingRoundDefaults = FilingRoundSettings & { validityYears: number };

/** Filing rounds (备案批次): the province's staff write them, an administrator publishes. */
@Injectable()
export class FilingRoundsService {
  constructor(
    private readonly rounds: FilingRoundsRepository,
    private readonly measures: MeasuresService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly reminders: FilingRoundReminders,
  ) {}

  list(db: EntityManager): Promise<FilingRoundEntity[]> {
    return this.rounds.list(db);
  }

  async get(db: EntityManager, id: string): Promise<FilingRoundEntity> {
    return actOn(await this.rounds.find(db, id));
  }

  find(db: EntityManager, id: string): Promise<FilingRoundEntity | null> {
    return this.rounds.find(db, id);
  }

  /** What a new round starts from: the province's measures in force today. */
  async defaults(db: EntityManager, viewer: Viewer): Promise<FilingRoundDefaults> {
    const inForce = await this.measures.inForce(db, viewer, chinaDate(this.clock.now()), false);
    return {
      ...filingRoundDefaults(inForce.parameters),
      validityYears: inForce.parameters.filing.validityYears,
    };
  }

  private checked(input: FilingRoundInput): FilingRoundFields {
    const round = {
      year: input.year,
      documentNumber: input.documentNumber,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      quotaPerUnit: input.quotaPerUnit ?? null,
      reviewRequired: input.reviewRequired,
      noticeDays: input.noticeDays,
      requiredDocuments: input.requiredDocuments as FilingDocumentKind[],
    };
    const violations = filingRoundViolations(round);
    if (violations.length) throw badInput(violations);
    return { ...round, documentNumber: round.documentNumber.trim() };
  }

  private async saving<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION)
        throw badInput([violation('documentNumber', 'DUPLICATE', '本年度已有使用该文号的备案批次')]);
      throw error;
    }
  }

  async create(ctx: RequestContext, viewer: Viewer, input: FilingRoundInput): Promise<FilingRoundEntity> {
    requireProvinceStaff(viewer);
    const fields = this.checked(input);
    const id = await this.saving(() => this.rounds.insert(ctx.db, viewer.tenantId, viewer.userId, fields));
    const round = await this.get(ctx.db, id);
    await this.audit.record(ctx.db, {
      action: 'filing_round.create',
      subjectType: 'filing_round',
      subjectId: id,
      after: auditable(round),
    });
    return round;
  }

  async update(
    ctx: RequestContext,
    viewer: Viewer,
    id: string,
    version: number,
    input: FilingRoundInput,
  ): Promise<FilingRoundEntity> {
    requireProvinceStaff(viewer);
    const round = ownRecord(viewer, await this.rounds.find(ctx.db, id));
    if (round.status !== 'DRAFT') throw roundPublished();
    const stale = () => staleEdit(ctx.db, 'filing_round', id, `备案批次（${round.documentNumber}）`);
    if (round.version !== version) throw await stale();
    const fields = this.checked(input);
    if (!(await this.saving(() => this.rounds.updateDraft(ctx.db, id, version, fields)))) throw await stale();
    const updated = await this.get(ctx.db, id);
    await this.audit.record(ctx.db, {
      action: 'filing_round.update',
      subjectType: 'filing_round',
      subjectId: id,
      before: auditable(round),
      after: auditable(updated),
    });
    return updated;
  }

  async publish(
    ctx: RequestContext,
    viewer: Viewer,
    id: string,
    version: number,
  ): Promise<FilingRoundEntity> {
    requireProvinceStaff(viewer);
    requireAdmin(viewer, '备案批次须由省科技厅管理员发布');
    const round = ownRecord(viewer, await this.rounds.find(ctx.db, id));
    if (round.status !== 'DRAFT') throw roundPublished();
    if (round.version !== version) throw roundChanged();
    const now = this.clock.now();
    if (!(await this.rounds.publish(ctx.db, id, version, now))) throw roundChanged();
    const published = await this.get(ctx.db, id);
    await this.audit.record(ctx.db, {
      action: 'filing_round.publish',
      subjectType: 'filing_round',
      subjectId: id,
      before: { status: 'DRAFT' },
      after: auditable(published),
    });
    await this.reminders.schedule(ctx.db, published, now);
    return published;
  }
}

function auditable(round: FilingRoundEntity) {
  return {
    year: round.year,
    documentNumber: round.documentNumber,
    opensAt: round.opensAt,
    closesAt: round.closesAt,
    quotaPerUnit: round.quotaPerUnit,
    reviewRequired: round.reviewRequired,
    noticeDays: round.noticeDays,
    requiredDocuments: round.requiredDocuments,
    status: round.status,
  };
}
