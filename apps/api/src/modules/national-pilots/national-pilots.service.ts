import { Injectable } from '@nestjs/common';
import {
  chinaDate,
  type FieldViolation,
  nationalPilotActiveOn,
  nationalPilotDesignationViolations,
  nationalPilotWithdrawalViolations,
} from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { actOn, requireAdmin } from '../../common/access/access';
import { Clock } from '../../common/clock';
import { badInput, invalid, violation } from '../../common/errors/app-error';
import { sqlState, UNIQUE_VIOLATION } from '../../common/errors/database-errors';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import type {
  NationalPilotFilterInput,
  RecordNationalPilotInput,
  WithdrawNationalPilotInput,
} from './dto/national-pilot.input';
import { nationalPilotAlreadyWithdrawn, notTheProvince } from './national-pilots.errors';
import { type NationalPilotRecord, NationalPilotsRepository } from './national-pilots.repository';

/**
 * The national pilot list (国家级试点联盟): the province's administrators record the Ministry's
 * designations and withdraw them; every signed-in user reads the list; programme eligibility
 * asks whether an alliance is on it on a day. The field rules are the domain's.
 */
@Injectable()
export class NationalPilotsService {
  constructor(
    private readonly designations: NationalPilotsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(db: EntityManager, filter: NationalPilotFilterInput): Promise<NationalPilotRecord[]> {
    const records = await this.designations.list(db, filter.allianceId ? [filter.allianceId] : null);
    if (!filter.inForce) return records;
    const today = chinaDate(this.clock.now());
    return records.filter((d) => nationalPilotActiveOn(d, today));
  }

  /** The designations of many alliances, newest first (one statement, for a loader). */
  ofAlliances(db: EntityManager, allianceIds: readonly string[]): Promise<NationalPilotRecord[]> {
    return this.designations.list(db, allianceIds);
  }

  /** Whether the alliance is on the national pilot list on `on` (Art. 14 eligibility). */
  inForceOn(db: EntityManager, alliance: { tenantId: string; id: string }, on: string): Promise<boolean> {
    return this.designations.inForceOn(db, alliance, on);
  }

  async get(db: EntityManager, id: string): Promise<NationalPilotRecord> {
    return actOn(await this.designations.find(db, id));
  }

  private requireProvinceAdmin(viewer: Viewer): void {
    requireAdmin(viewer, '国家级试点认定由省科技厅的管理员记录和撤销');
    if (viewer.tenantLevel !== 'PROVINCE') throw notTheProvince();
  }

  async record(ctx: RequestContext, viewer: Viewer, input: RecordNationalPilotInput): Promise<NationalPilotRecord> {
    this.requireProvinceAdmin(viewer);
    const today = chinaDate(this.clock.now());
    const violations: FieldViolation[] = nationalPilotDesignationViolations(input, today);
    const alliance =
      input.allianceId.trim() === '' ? null : await this.designations.namedAlliance(ctx.db, input.allianceId);
    if (input.allianceId.trim() !== '' && alliance === null)
      violations.push(violation('allianceId', 'NOT_FOUND', '省厅掌握的联盟中没有该联盟：须为省本级联盟，或已向省厅报送备案、推荐申报或先行投入的市州联盟'));
    else if (alliance?.status === 'DISSOLVED')
      violations.push(violation('allianceId', 'DISSOLVED', '联盟已解散，不能记录国家级试点认定'));
    const documentId = input.documentId?.trim() ? input.documentId.trim() : null;
    if (documentId !== null && !(await this.designations.ownFile(ctx.db, viewer.tenantId, documentId)))
      violations.push(violation('documentId', 'NOT_FOUND', '找不到上传的认定文件，请重新上传'));
    if (violations.length || alliance === null) throw badInput(violations);

    let id: string;
    try {
      id = await this.designations.insert(ctx.db, {
        tenantId: viewer.tenantId,
        allianceTenantId: alliance.tenantId,
        allianceId: alliance.id,
        allianceName: alliance.name,
        documentNumber: input.documentNumber.trim(),
        designatedOn: input.designatedOn,
        documentId,
        recordedAt: this.clock.now(),
        recordedBy: viewer.userId,
      });
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION)
        throw invalid('allianceId', 'ALREADY_DESIGNATED', `「${alliance.name}」已有有效的国家级试点认定，撤销后方可重新记录`);
      throw error;
    }
    const recorded = await this.get(ctx.db, id);
    await this.audit.record(ctx.db, {
      action: 'national_pilot.record',
      subjectType: 'national_pilot_designation',
      subjectId: id,
      after: auditable(recorded),
    });
    return recorded;
  }

  async withdraw(
    ctx: RequestContext,
    viewer: Viewer,
    input: WithdrawNationalPilotInput,
  ): Promise<NationalPilotRecord> {
    this.requireProvinceAdmin(viewer);
    const designation = await this.get(ctx.db, input.id);
    if (designation.tenantId !== viewer.tenantId) throw notTheProvince();
    const today = chinaDate(this.clock.now());
    const reason = input.reason.trim();
    const violations = nationalPilotWithdrawalViolations(designation, reason, today);
    const withdrawn = violations.find((v) => v.rule === 'ALREADY_WITHDRAWN');
    if (withdrawn) throw nationalPilotAlreadyWithdrawn(withdrawn);
    if (violations.length) throw badInput(violations);
    // Withdrawn meanwhile by another administrator: the guarded update found nothing to withdraw.
    if (!(await this.designations.withdraw(ctx.db, designation.id, { on: today, reason, at: this.clock.now() }, viewer.userId)))
      throw nationalPilotAlreadyWithdrawn();
    const after = await this.get(ctx.db, designation.id);
    await this.audit.record(ctx.db, {
      action: 'national_pilot.withdraw',
      subjectType: 'national_pilot_designation',
      subjectId: designation.id,
      before: { withdrawal: null },
      after: auditable(after),
    });
    return after;
  }
}

function auditable(d: NationalPilotRecord) {
  return {
    allianceId: d.allianceId,
    allianceTenantId: d.allianceTenantId,
    allianceName: d.allianceName,
    documentNumber: d.documentNumber,
    designatedOn: d.designatedOn,
    documentId: d.documentId,
    withdrawal: d.withdrawal,
  };
}
