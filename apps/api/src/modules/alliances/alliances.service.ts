import { Injectable } from '@nestjs/common';
import {
  chinaDate,
  decideAllianceTransition,
  failingConditionsRootFirst,
  FOUNDING_CONDITION_INFO,
  foundingFailureSummary,
} from '@xiangmeng/domain';
import { type EntityManager, IsNull } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppError, badInput, invalid, notFound, violation } from '../../common/errors/app-error';
import { sqlState, UNIQUE_VIOLATION } from '../../common/errors/database-errors';
import { staleEdit } from '../../common/errors/stale-edit';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import { IndustryEntity } from '../industries/industry.entity';
import { AllianceMemberEntity } from './alliance-member.entity';
import { AllianceOutputEntity } from './alliance-output.entity';
import { loadSnapshots } from './alliance-snapshots';
import { AllianceEntity } from './alliance.entity';
import { allianceChanged, allianceDissolved } from './alliances.errors';
import { dateViolations, textViolations } from './alliance-input.rules';
import type {
  AddOutputInput,
  DissolveAllianceInput,
  EstablishAllianceInput,
  RegisterAllianceInput,
  SetGovernanceInput,
  UpdateAllianceInput,
} from './dto/alliance.input';
import { FoundingCheckService } from './founding-check.service';
import { GovernanceBodyEntity } from './governance-body.entity';

const UUID = /^[0-9a-f-]{36}$/i;

function registerView(a: AllianceEntity) {
  return {
    name: a.name,
    industryCode: a.industryCode,
    foundedOn: a.foundedOn,
    objectives: a.objectives,
    status: a.status,
  };
}

@Injectable()
export class AlliancesService {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly foundingCheck: FoundingCheckService,
  ) {}

  today(): string {
    return chinaDate(this.clock.now());
  }

  /** An alliance the viewer may read; anything else is simply not found. */
  async visible(db: EntityManager, id: string): Promise<AllianceEntity> {
    const alliance = UUID.test(id) ? await db.findOneBy(AllianceEntity, { id }) : null;
    if (!alliance) throw notFound();
    return alliance;
  }

  /** The one way to reach an alliance for a change: the viewer's own tenant's, and not dissolved. */
  async changeable(db: EntityManager, viewer: Viewer, id: string): Promise<AllianceEntity> {
    const alliance = UUID.test(id)
      ? await db.findOneBy(AllianceEntity, { id, tenantId: viewer.tenantId })
      : null;
    if (!alliance) throw notFound();
    if (alliance.status === 'DISSOLVED') throw allianceDissolved();
    return alliance;
  }

  /** Locks the row for the rest of the transaction, so concurrent changes queue instead of racing. */
  async lockForChange(db: EntityManager, viewer: Viewer, id: string): Promise<AllianceEntity> {
    const alliance = await this.changeable(db, viewer, id);
    await db.query('SELECT 1 FROM alliance WHERE id = $1 FOR UPDATE', [alliance.id]);
    return this.changeable(db, viewer, id);
  }

  /** CONFLICT for an edit based on a version of the alliance that is no longer current. */
  changedSince(db: EntityManager, alliance: AllianceEntity): Promise<AppError> {
    return staleEdit(db, 'alliance', alliance.id, `联盟「${alliance.name}」`);
  }

  private async checkBasics(db: EntityManager, input: RegisterAllianceInput) {
    const violations = [
      ...textViolations('name', input.name, '联盟名称', 4, 100),
      ...dateViolations('foundedOn', input.foundedOn, this.today()),
      ...textViolations('objectives', input.objectives, '联盟目标', 0, 5000),
    ];
    if (!(await db.findOneBy(IndustryEntity, { code: input.industryCode }))) {
      violations.push(violation('industryCode', 'UNKNOWN_INDUSTRY', '请选择产业分类'));
    }
    if (violations.length) throw badInput(violations);
  }

  private nameTaken() {
    return invalid('name', 'NAME_TAKEN', '本市州已有同名联盟');
  }

  async register(ctx: RequestContext, viewer: Viewer, input: RegisterAllianceInput): Promise<AllianceEntity> {
    await this.checkBasics(ctx.db, input);
    let alliance: AllianceEntity;
    try {
      alliance = await ctx.db.save(
        ctx.db.create(AllianceEntity, {
          tenantId: viewer.tenantId,
          name: input.name.trim(),
          industryCode: input.industryCode,
          foundedOn: input.foundedOn,
          objectives: input.objectives.trim(),
          liableEntity: '',
          executiveFullTimeStaff: 0,
          status: 'FORMING',
          pilotStatus: 'NONE',
          version: 1,
          updatedAt: this.clock.now(),
          createdBy: viewer.userId,
        }),
      );
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION) throw this.nameTaken();
      throw error;
    }
    await this.audit.record(ctx.db, {
      action: 'alliance.register',
      subjectType: 'alliance',
      subjectId: alliance.id,
      after: registerView(alliance),
    });
    return this.visible(ctx.db, alliance.id);
  }

  async update(ctx: RequestContext, viewer: Viewer, input: UpdateAllianceInput): Promise<AllianceEntity> {
    const alliance = await this.changeable(ctx.db, viewer, input.id);
    await this.checkBasics(ctx.db, input);
    const before = registerView(alliance);
    let affected: number | undefined;
    try {
      ({ affected } = await ctx.db.update(
        AllianceEntity,
        { id: alliance.id, version: input.version },
        {
          name: input.name.trim(),
          industryCode: input.industryCode,
          foundedOn: input.foundedOn,
          objectives: input.objectives.trim(),
          version: input.version + 1,
          updatedAt: this.clock.now(),
        },
      ));
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION) throw this.nameTaken();
      throw error;
    }
    if (affected !== 1) throw await this.changedSince(ctx.db, alliance);
    const after = await this.visible(ctx.db, alliance.id);
    await this.audit.record(ctx.db, {
      action: 'alliance.update',
      subjectType: 'alliance',
      subjectId: alliance.id,
      before,
      after: registerView(after),
    });
    return after;
  }

  async setGovernance(
    ctx: RequestContext,
    viewer: Viewer,
    input: SetGovernanceInput,
  ): Promise<AllianceEntity> {
    const alliance = await this.lockForChange(ctx.db, viewer, input.allianceId);
    // The row is locked: a version that is not current now stays stale until this transaction ends.
    if (alliance.version !== input.version) throw await this.changedSince(ctx.db, alliance);
    const violations = [
      ...input.bodies.flatMap((b, i) => textViolations(`bodies.${i}.name`, b.name, '机构名称', 1, 100)),
      ...textViolations('liableEntity', input.liableEntity, '对外承担责任的主体', 0, 100),
    ];
    if (new Set(input.bodies.map((b) => b.kind)).size !== input.bodies.length) {
      violations.push(violation('bodies', 'DUPLICATE_KIND', '每类机构只填一个'));
    }
    if (
      !Number.isInteger(input.executiveFullTimeStaff) ||
      input.executiveFullTimeStaff < 0 ||
      input.executiveFullTimeStaff > 10000
    ) {
      violations.push(violation('executiveFullTimeStaff', 'INTEGER_RANGE', '专职人员数应为 0–10000 的整数'));
    }
    if (input.hostOrganizationId) {
      const host = await ctx.db.findOneBy(AllianceMemberEntity, {
        allianceId: alliance.id,
        organizationId: input.hostOrganizationId,
        exitedOn: IsNull(),
      });
      if (!host) violations.push(violation('hostOrganizationId', 'NOT_A_MEMBER', '依托单位须为现有成员单位'));
    }
    if (violations.length) throw badInput(violations);
    const before = await ctx.db.findBy(GovernanceBodyEntity, { allianceId: alliance.id });
    await ctx.db.delete(GovernanceBodyEntity, { tenantId: viewer.tenantId, allianceId: alliance.id });
    if (input.bodies.length) {
      await ctx.db.insert(
        GovernanceBodyEntity,
        input.bodies.map((b) => ({
          tenantId: viewer.tenantId,
          allianceId: alliance.id,
          kind: b.kind,
          name: b.name.trim(),
          description: b.description.trim(),
        })),
      );
    }
    await ctx.db.update(
      AllianceEntity,
      { id: alliance.id, version: input.version },
      {
        liableEntity: input.liableEntity.trim(),
        executiveFullTimeStaff: input.executiveFullTimeStaff,
        hostOrganizationId: input.hostOrganizationId ?? null,
        version: input.version + 1,
        updatedAt: this.clock.now(),
      },
    );
    await this.audit.record(ctx.db, {
      action: 'alliance.set_governance',
      subjectType: 'alliance',
      subjectId: alliance.id,
      before: {
        bodies: before.map((b) => ({ kind: b.kind, name: b.name })),
        liableEntity: alliance.liableEntity,
        executiveFullTimeStaff: alliance.executiveFullTimeStaff,
        hostOrganizationId: alliance.hostOrganizationId,
      },
      after: {
        bodies: input.bodies.map((b) => ({ kind: b.kind, name: b.name.trim() })),
        liableEntity: input.liableEntity.trim(),
        executiveFullTimeStaff: input.executiveFullTimeStaff,
        hostOrganizationId: input.hostOrganizationId ?? null,
      },
    });
    return this.visible(ctx.db, alliance.id);
  }

  async addOutput(ctx: RequestContext, viewer: Viewer, input: AddOutputInput): Promise<AllianceOutputEntity> {
    const alliance = await this.changeable(ctx.db, viewer, input.allianceId);
    const violations = [...textViolations('description', input.description, '说明', 0, 1000)];
    const thisYear = Number(this.today().slice(0, 4));
    if (!Number.isInteger(input.year) || input.year < 2000 || input.year > thisYear) {
      violations.push(violation('year', 'YEAR_RANGE', `年份应在 2000–${thisYear} 之间`));
    }
    if (!Number.isInteger(input.quantity) || input.quantity < 1 || input.quantity > 1_000_000) {
      violations.push(violation('quantity', 'INTEGER_RANGE', '数量应为正整数'));
    }
    if (violations.length) throw badInput(violations);
    const output = await ctx.db.save(
      ctx.db.create(AllianceOutputEntity, {
        tenantId: viewer.tenantId,
        allianceId: alliance.id,
        year: input.year,
        kind: input.kind,
        quantity: input.quantity,
        description: input.description.trim(),
      }),
    );
    await this.audit.record(ctx.db, {
      action: 'alliance.add_output',
      subjectType: 'alliance',
      subjectId: alliance.id,
      after: {
        year: output.year,
        kind: output.kind,
        quantity: output.quantity,
        description: output.description,
      },
    });
    return output;
  }

  /** FORMING → ESTABLISHED: only while every Art. 8 condition holds under the rules in force that day. */
  async establish(
    ctx: RequestContext,
    viewer: Viewer,
    input: EstablishAllianceInput,
  ): Promise<AllianceEntity> {
    const alliance = await this.lockForChange(ctx.db, viewer, input.allianceId);
    const dates = dateViolations('establishedOn', input.establishedOn, this.today());
    if (dates.length) throw badInput(dates);
    if (input.establishedOn < alliance.foundedOn)
      throw invalid('establishedOn', 'BEFORE_FOUNDING', '成立日期不能早于发起日期');
    const snapshot = (await loadSnapshots(ctx.db, [alliance])).get(alliance.id)!;
    const check = await this.foundingCheck.check(ctx, viewer, snapshot, input.establishedOn, 'OWN');
    const decision = decideAllianceTransition(alliance.status, 'ESTABLISH', viewer.roles, check);
    if (!decision.allowed) {
      if (decision.reason === 'FOUNDING_CONDITIONS_FAIL') {
        // Root cause first; a condition failing only because of it points to it instead of repeating it.
        const failing = failingConditionsRootFirst(check);
        throw new AppError(
          'BAD_USER_INPUT',
          {
            violations: failing.flatMap((c) =>
              c.reasons.map((r) =>
                violation(
                  `foundingConditions.${c.condition}`,
                  r.code,
                  `${FOUNDING_CONDITION_INFO[c.condition].article}：${r.message}`,
                ),
              ),
            ),
          },
          `不满足第八条基本条件：${foundingFailureSummary(check)}`,
        );
      }
      throw new AppError(decision.reason === 'ROLE_NOT_ALLOWED' ? 'FORBIDDEN' : 'CONFLICT');
    }
    const measuresId = check.measures.local?.id ?? check.measures.province.id;
    const result = await ctx.db.update(
      AllianceEntity,
      { id: alliance.id, status: 'FORMING', version: alliance.version },
      {
        status: decision.to,
        establishedOn: input.establishedOn,
        establishedMeasuresId: measuresId,
        version: alliance.version + 1,
        updatedAt: this.clock.now(),
      },
    );
    if (result.affected !== 1) throw allianceChanged();
    await this.audit.record(ctx.db, {
      action: 'alliance.establish',
      subjectType: 'alliance',
      subjectId: alliance.id,
      before: { status: alliance.status },
      after: {
        status: decision.to,
        establishedOn: input.establishedOn,
        basis: {
          article: '第八条',
          provinceMeasuresId: check.measures.province.id,
          localMeasuresId: check.measures.local?.id ?? null,
          agreementVersion: check.agreementVersionInEffect,
        },
      },
    });
    return this.visible(ctx.db, alliance.id);
  }

  /** → DISSOLVED with date and reason; every current member exits that day. Nothing is deleted. */
  async dissolve(ctx: RequestContext, viewer: Viewer, input: DissolveAllianceInput): Promise<AllianceEntity> {
    const alliance = await this.lockForChange(ctx.db, viewer, input.allianceId);
    const violations = [
      ...dateViolations('dissolvedOn', input.dissolvedOn, this.today()),
      ...textViolations('reason', input.reason, '解散原因', 2, 1000),
    ];
    if (!violations.length && input.dissolvedOn < alliance.foundedOn) {
      violations.push(violation('dissolvedOn', 'BEFORE_FOUNDING', '解散日期不能早于发起日期'));
    }
    const lastJoin = await ctx.db.query<[{ last: string | null }]>(
      `SELECT to_char(max(joined_on), 'YYYY-MM-DD') AS last FROM alliance_member WHERE alliance_id = $1 AND exited_on IS NULL`,
      [alliance.id],
    );
    const last = lastJoin[0].last;
    if (!violations.length && last && input.dissolvedOn < last) {
      violations.push(
        violation('dissolvedOn', 'BEFORE_LAST_JOIN', `解散日期不能早于现有成员的最晚加入日期（${last}）`),
      );
    }
    if (violations.length) throw badInput(violations);
    const decision = decideAllianceTransition(alliance.status, 'DISSOLVE', viewer.roles, null);
    if (!decision.allowed)
      throw new AppError(decision.reason === 'ROLE_NOT_ALLOWED' ? 'FORBIDDEN' : 'CONFLICT');
    await ctx.db.query(
      `UPDATE alliance_member SET exited_on = $2, exit_reason = '联盟解散' WHERE alliance_id = $1 AND exited_on IS NULL`,
      [alliance.id, input.dissolvedOn],
    );
    const result = await ctx.db.update(
      AllianceEntity,
      { id: alliance.id, version: alliance.version },
      {
        status: decision.to,
        dissolvedOn: input.dissolvedOn,
        dissolutionReason: input.reason.trim(),
        version: alliance.version + 1,
        updatedAt: this.clock.now(),
      },
    );
    if (result.affected !== 1) throw allianceChanged();
    await this.audit.record(ctx.db, {
      action: 'alliance.dissolve',
      subjectType: 'alliance',
      subjectId: alliance.id,
      before: { status: alliance.status },
      after: { status: decision.to, dissolvedOn: input.dissolvedOn, reason: input.reason.trim() },
    });
    return this.visible(ctx.db, alliance.id);
  }
}
