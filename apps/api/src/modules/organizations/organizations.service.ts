import { Injectable } from '@nestjs/common';
import { normalizeCreditCode } from '@xiangmeng/domain';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { staleEdit } from '../../common/errors/stale-edit';
import { AppError, badInput, notFound } from '../../common/errors/app-error';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import type { CorrectOrganizationInput, OrganizationInput } from './dto/organization.input';
import { organizationViolations } from './organization-input.rules';
import { OrganizationEntity } from './organization.entity';

const UUID = /^[0-9a-f-]{36}$/i;

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

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async byId(db: EntityManager, id: string): Promise<OrganizationEntity> {
    const organization = UUID.test(id) ? await db.findOneBy(OrganizationEntity, { id }) : null;
    if (!organization) throw notFound();
    return organization;
  }

  byIds(db: EntityManager, ids: readonly string[]): Promise<OrganizationEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .createQueryBuilder(OrganizationEntity, 'o')
      .where('o.id = ANY(:ids)', { ids: [...new Set(ids)] })
      .getMany();
  }

  byCreditCode(db: EntityManager, creditCode: string): Promise<OrganizationEntity | null> {
    return db.findOneBy(OrganizationEntity, { creditCode: normalizeCreditCode(creditCode) });
  }

  /** By name (contains) or credit code (prefix), at most `limit`. */
  search(db: EntityManager, text: string, limit: number): Promise<OrganizationEntity[]> {
    const term = text.trim();
    const query = db
      .createQueryBuilder(OrganizationEntity, 'o')
      .orderBy('o.name', 'ASC')
      .limit(Math.min(Math.max(limit, 1), 50));
    if (term) {
      const escaped = term.replace(/[\\%_]/g, (c) => `\\${c}`);
      query.where('o.name ILIKE :contains OR o.credit_code LIKE :prefix', {
        contains: `%${escaped}%`,
        prefix: `${normalizeCreditCode(escaped)}%`,
      });
    }
    return query.getMany();
  }

  async add(ctx: RequestContext, viewer: Viewer, input: OrganizationInput): Promise<OrganizationEntity> {
    const violations = organizationViolations(input);
    if (violations.length) throw badInput(violations);
    const creditCode = normalizeCreditCode(input.creditCode);
    if (await this.byCreditCode(ctx.db, creditCode)) throw this.creditCodeTaken();
    const now = this.clock.now();
    let organization: OrganizationEntity;
    try {
      organization = await ctx.db.save(
        ctx.db.create(OrganizationEntity, {
          creditCode,
          name: input.name.trim(),
          type: input.type,
          legalRepresentative: input.legalRepresentative.trim(),
          industryBackbone: input.industryBackbone,
          backboneBasis: input.backboneBasis.trim(),
          addedByTenantId: viewer.tenantId,
          updatedAt: now,
          version: 1,
        }),
      );
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw this.creditCodeTaken();
      }
      throw error;
    }
    await this.audit.record(ctx.db, {
      action: 'organization.add',
      subjectType: 'organization',
      subjectId: organization.id,
      after: auditView(organization),
    });
    return this.byId(ctx.db, organization.id);
  }

  async correct(
    ctx: RequestContext,
    viewer: Viewer,
    input: CorrectOrganizationInput,
  ): Promise<OrganizationEntity> {
    const organization = await this.byId(ctx.db, input.id);
    if (organization.addedByTenantId !== viewer.tenantId && viewer.tenantLevel !== 'PROVINCE') {
      throw new AppError('FORBIDDEN', {}, '只有登记该单位的市州或省厅可以更正');
    }
    const violations = organizationViolations(input);
    if (violations.length) throw badInput(violations);
    const before = auditView(organization);
    const changes = {
      name: input.name.trim(),
      type: input.type,
      legalRepresentative: input.legalRepresentative.trim(),
      industryBackbone: input.industryBackbone,
      backboneBasis: input.backboneBasis.trim(),
      updatedAt: this.clock.now(),
      version: input.version + 1,
    };
    const result = await ctx.db.update(
      OrganizationEntity,
      { id: organization.id, version: input.version },
      changes,
    );
    if (result.affected !== 1) {
      throw await staleEdit(ctx.db, 'organization', organization.id, `名录条目「${organization.name}」`);
    }
    const after = { ...organization, ...changes };
    await this.audit.record(ctx.db, {
      action: 'organization.correct',
      subjectType: 'organization',
      subjectId: organization.id,
      before,
      after: auditView(after),
    });
    return after;
  }

  private creditCodeTaken(): AppError {
    return new AppError(
      'BAD_USER_INPUT',
      {
        violations: [
          {
            field: 'creditCode',
            rule: 'CREDIT_CODE_TAKEN',
            message: '该统一社会信用代码已在名录中，请直接选用',
          },
        ],
      },
      'creditCode: 该统一社会信用代码已在名录中，请直接选用',
    );
  }
}
