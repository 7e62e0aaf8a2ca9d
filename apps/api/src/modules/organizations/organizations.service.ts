import { Injectable } from '@nestjs/common';
import { mayCorrectOrganization, normalizeCreditCode } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { actOn } from '../../common/access/access';
import { Clock } from '../../common/clock';
import { AppError, badInput, invalid } from '../../common/errors/app-error';
import { sqlState, UNIQUE_VIOLATION } from '../../common/errors/database-errors';
import { staleEdit } from '../../common/errors/stale-edit';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import type { CorrectOrganizationInput, OrganizationInput } from './dto/organization.input';
import { organizationViolations } from './organization-input.rules';
import type { OrganizationEntity } from './organization.entity';
import { OrganizationsRepository } from './organizations.repository';

function auditView(o: OrganizationEntity) {
  return {
    creditCode: o.creditCode,
    name: o.name,
    type: o.type,
    legalRepresentative: o.legalRepresentative,
    industryBackbone: o.industryBackbone,
    backboneBasis: o.backboneBasis,
  };
}

function creditCodeTaken(): AppError {
  return invalid('creditCode', 'CREDIT_CODE_TAKEN', '该统一社会信用代码已在名录中，请直接选用');
}

/** The shared directory of legal persons: any staff adds, the adding tenant or the province corrects. */
@Injectable()
export class OrganizationsService {
  constructor(
    private readonly organizations: OrganizationsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The entry, or null when there is none (or `id` cannot name one). */
  find(db: EntityManager, id: string): Promise<OrganizationEntity | null> {
    return this.organizations.find(db, id);
  }

  async byId(db: EntityManager, id: string): Promise<OrganizationEntity> {
    return actOn(await this.organizations.find(db, id));
  }

  byIds(db: EntityManager, ids: readonly string[]): Promise<OrganizationEntity[]> {
    return this.organizations.byIds(db, ids);
  }

  /** By name (contains) or credit code (prefix), at most `limit` (1–50). */
  search(db: EntityManager, text: string, limit: number): Promise<OrganizationEntity[]> {
    return this.organizations.search(db, text.trim(), Math.min(Math.max(limit, 1), 50));
  }

  async add(ctx: RequestContext, viewer: Viewer, input: OrganizationInput): Promise<OrganizationEntity> {
    const violations = organizationViolations(input);
    if (violations.length) throw badInput(violations);
    const creditCode = normalizeCreditCode(input.creditCode);
    if (await this.organizations.byCreditCode(ctx.db, creditCode)) throw creditCodeTaken();
    let id: string;
    try {
      id = await this.organizations.insert(ctx.db, {
        creditCode,
        name: input.name.trim(),
        type: input.type,
        legalRepresentative: input.legalRepresentative.trim(),
        industryBackbone: input.industryBackbone,
        backboneBasis: input.backboneBasis.trim(),
        addedByTenantId: viewer.tenantId,
        updatedAt: this.clock.now(),
        version: 1,
      });
    } catch (error) {
      // Another request added the same code between the check and the insert.
      if (sqlState(error) === UNIQUE_VIOLATION) throw creditCodeTaken();
      throw error;
    }
    const organization = await this.byId(ctx.db, id);
    await this.audit.record(ctx.db, {
      action: 'organization.add',
      subjectType: 'organization',
      subjectId: organization.id,
      after: auditView(organization),
    });
    return organization;
  }

  async correct(
    ctx: RequestContext,
    viewer: Viewer,
    input: CorrectOrganizationInput,
  ): Promise<OrganizationEntity> {
    const organization = await this.byId(ctx.db, input.id);
    if (!mayCorrectOrganization(viewer, organization)) throw new AppError('ORGANIZATION_NOT_CORRECTABLE');
    const violations = organizationViolations(input);
    if (violations.length) throw badInput(violations);
    const correction = {
      name: input.name.trim(),
      type: input.type,
      legalRepresentative: input.legalRepresentative.trim(),
      industryBackbone: input.industryBackbone,
      backboneBasis: input.backboneBasis.trim(),
      updatedAt: this.clock.now(),
    };
    if (!(await this.organizations.correct(ctx.db, organization.id, input.version, correction))) {
      throw await staleEdit(ctx.db, 'organization', organization.id, `名录条目「${organization.name}」`);
    }
    const after = { ...organization, ...correction, version: input.version + 1 };
    await this.audit.record(ctx.db, {
      action: 'organization.correct',
      subjectType: 'organization',
      subjectId: organization.id,
      before: auditView(organization),
      after: auditView(after),
    });
    return after;
  }
}
