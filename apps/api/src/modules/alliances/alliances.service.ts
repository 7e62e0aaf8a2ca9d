import { Injectable } from '@nestjs/common';
import { chinaDate, decideAllianceTransition, isRegisterFilingFilter } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { actOn, ownRecord } from '../../common/access/access';
import { Clock } from '../../common/clock';
import { AppError, badInput, invalid, violation } from '../../common/errors/app-error';
import { sqlState, UNIQUE_VIOLATION } from '../../common/errors/database-errors';
import { staleEdit } from '../../common/errors/stale-edit';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import { IndustriesRepository } from '../industries/industries.repository';
import { TenantsService } from '../tenants/tenants.service';
import { dateViolations, textViolations } from './alliance-input.rules';
import { AllianceMembersRepository } from './alliance-members.repository';
import type { AllianceOutputEntity } from './alliance-output.entity';
import type { AllianceEntity } from './alliance.entity';
import { allianceChanged, allianceDissolved, lifecycleRefusal } from './alliances.errors';
import { AllianceOrder } from './alliance-order';
import { AlliancesRepository } from './alliances.repository';
import type {
  AddOutputInput,
  AllianceFilterInput,
  DissolveAllianceInput,
  EstablishAllianceInput,
  RegisterAllianceInput,
  SetGovernanceInput,
  UpdateAllianceInput,
} from './dto/alliance.input';
import { FoundingCheckService } from './founding-check.service';
import { decodeCursor, encodeCursor } from './register-cursor';
import { type RegisterFilter, registerFilterViolations } from './register-filter';

export const MAX_PAGE = 100;

function registerView(a: AllianceEntity) {
  return {
    name: a.name,
    industryCode: a.industryCode,
    foundedOn: a.foundedOn,
    objectives: a.objectives,
    status: a.status,
  };
}

function nameTaken(): AppError {
  return invalid('name', 'NAME_TAKEN', '本市州已有同名联盟');
}

/** The register of alliances (Art. 8): entries, governance, outputs and the lifecycle. */
@Injectable()
export class AlliancesService {
  constructor(
    private readonly alliances: AlliancesRepository,
    private readonly members: AllianceMembersRepository,
    private readonly industries: IndustriesRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly foundingCheck: FoundingCheckService,
    private readonly tenants: TenantsService,
  ) {}

  today(): string {
    return chinaDate(this.clock.now());
  }

  /** An alliance the viewer may read; anything else is simply not found. */
  async visible(db: EntityManager, id: string): Promise<AllianceEntity> {
    return actOn(await this.alliances.find(db, id));
  }

  /** The one way to reach an alliance for a change: the viewer's own tenant's, and not dissolved. */
  async changeable(db: EntityManager, viewer: Viewer, id: string): Promise<AllianceEntity> {
    const alliance = ownRecord(viewer, await this.alliances.find(db, id));
    if (alliance.status === 'DISSOLVED') throw allianceDissolved();
    return alliance;
  }

  /** Locks the row for the rest of the transaction, so concurrent changes queue instead of racing. */
  async lockForChange(db: EntityManager, viewer: Viewer, id: string): Promise<AllianceEntity> {
    const alliance = await this.changeable(db, viewer, id);
    await this.alliances.lock(db, alliance.id);
    return this.changeable(db, viewer, id);
  }

  /** CONFLICT for an edit based on a version of the alliance that is no longer current. */
  changedSince(db: EntityManager, alliance: AllianceEntity): Promise<AppError> {
    return staleEdit(db, 'alliance', alliance.id, `联盟「${alliance.name}」`);
  }

  /**
   * The register's filter checked, the city named by its code resolved: the list and its export
   * read the same filter, refused the same way.
   */
  async registerFilter(
    db: EntityManager,
    viewer: Viewer,
    input: AllianceFilterInput,
  ): Promise<RegisterFilter> {
    const violations = registerFilterViolations(input);
    if (violations.length) throw badInput(violations);
    const filter: RegisterFilter = {
      industryCode: input.industryCode,
      status: input.status,
      pilotStatus: input.pilotStatus,
      search: input.search,
      filingState: isRegisterFilingFilter(input.filingState) ? input.filingState : undefined,
    };
    const code = input.tenantCode?.trim();
    // A city's register is its own alliances (filings go up to the province). Said in the query,
    // the list walks the city's index; left to row security alone, whose policy ORs in the filed
    // alliances, PostgreSQL reads every tenant's alliances to keep the city's (2.6 ms of 3).
    if (!code) return viewer.tenantLevel === 'CITY' ? { ...filter, tenantId: viewer.tenantId } : filter;
    const tenant = await this.tenants.byCode(db, code);
    if (!tenant) throw invalid('filter.tenantCode', 'UNKNOWN_TENANT', `没有代码为 ${code} 的单位`);
    return { ...filter, tenantId: tenant.id };
  }

  /** A page of the register: filters, search by alliance or member, in `order`, keyset pages. */
  async page(
    db: EntityManager,
    viewer: Viewer,
    input: AllianceFilterInput,
    first: number,
    after?: string | null,
    order: AllianceOrder = AllianceOrder.NEWEST,
  ) {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
      throw badInput([violation('first', 'PAGE_SIZE', `每页 1–${MAX_PAGE} 条`)]);
    }
    const cursor = after ? decodeCursor(order, after) : null;
    const filter = await this.registerFilter(db, viewer, input);
    // One connection per request runs one statement at a time; no Promise.all on it.
    const rows = await this.alliances.register(db, filter, first + 1, cursor, order);
    const nodes = rows.slice(0, first);
    const last = nodes.at(-1);
    return {
      nodes,
      // The count is a statement of its own, run only for a query that asks for totalCount.
      countTotal: () => this.alliances.registerCount(db, filter),
      pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(order, last) : null },
    };
  }

  private async checkBasics(db: EntityManager, input: RegisterAllianceInput) {
    const violations = [
      ...textViolations('name', input.name, '联盟名称', 4, 100),
      ...dateViolations('foundedOn', input.foundedOn, this.today()),
      ...textViolations('objectives', input.objectives, '联盟目标', 0, 5000),
    ];
    if (!(await this.industries.exists(db, input.industryCode))) {
      violations.push(violation('industryCode', 'UNKNOWN_INDUSTRY', '请选择产业分类'));
    }
    if (violations.length) throw badInput(violations);
  }

  async register(ctx: RequestContext, viewer: Viewer, input: RegisterAllianceInput): Promise<AllianceEntity> {
    await this.checkBasics(ctx.db, input);
    let id: string;
    try {
      id = await this.alliances.insert(ctx.db, {
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
      });
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION) throw nameTaken();
      throw error;
    }
    const alliance = await this.visible(ctx.db, id);
    await this.audit.record(ctx.db, {
      action: 'alliance.register',
      subjectType: 'alliance',
      subjectId: alliance.id,
      after: registerView(alliance),
    });
    return alliance;
  }

  async update(ctx: RequestContext, viewer: Viewer, input: UpdateAllianceInput): Promise<AllianceEntity> {
    const alliance = await this.changeable(ctx.db, viewer, input.id);
    await this.checkBasics(ctx.db, input);
    const entry = {
      name: input.name.trim(),
      industryCode: input.industryCode,
      foundedOn: input.foundedOn,
      objectives: input.objectives.trim(),
    };
    let updated: boolean;
    try {
      updated = await this.alliances.updateEntry(ctx.db, alliance.id, input.version, entry, this.clock.now());
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION) throw nameTaken();
      throw error;
    }
    if (!updated) throw await this.changedSince(ctx.db, alliance);
    const after = await this.visible(ctx.db, alliance.id);
    await this.audit.record(ctx.db, {
      action: 'alliance.update',
      subjectType: 'alliance',
      subjectId: alliance.id,
      before: registerView(alliance),
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
    if (
      input.hostOrganizationId &&
      !(await this.members.isCurrentMember(ctx.db, alliance.id, input.hostOrganizationId))
    ) {
      violations.push(violation('hostOrganizationId', 'NOT_A_MEMBER', '依托单位须为现有成员单位'));
    }
    if (violations.length) throw badInput(violations);
    const before = await this.alliances.governanceBodies(ctx.db, [alliance.id]);
    const governance = {
      bodies: input.bodies.map((b) => ({
        kind: b.kind,
        name: b.name.trim(),
        description: b.description.trim(),
      })),
      liableEntity: input.liableEntity.trim(),
      executiveFullTimeStaff: input.executiveFullTimeStaff,
      hostOrganizationId: input.hostOrganizationId ?? null,
    };
    if (!(await this.alliances.setGovernance(ctx.db, alliance, input.version, governance, this.clock.now())))
      throw allianceChanged();
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
        ...governance,
        bodies: governance.bodies.map((b) => ({ kind: b.kind, name: b.name })),
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
    const output = await this.alliances.insertOutput(ctx.db, {
      tenantId: viewer.tenantId,
      allianceId: alliance.id,
      year: input.year,
      kind: input.kind,
      quantity: input.quantity,
      description: input.description.trim(),
    });
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
    const snapshot = (await this.alliances.snapshots(ctx.db, [alliance])).get(alliance.id)!;
    const check = await this.foundingCheck.check(ctx, viewer, snapshot, input.establishedOn, 'OWN');
    const decision = decideAllianceTransition(alliance.status, 'ESTABLISH', viewer.roles, check);
    if (!decision.allowed) throw lifecycleRefusal(alliance.status, decision, check);
    const establishedMeasuresId = check.measures.local?.id ?? check.measures.province.id;
    const established = { establishedOn: input.establishedOn, establishedMeasuresId };
    if (
      !(await this.alliances.establish(ctx.db, alliance.id, alliance.version, established, this.clock.now()))
    )
      throw allianceChanged();
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
    const last = await this.members.lastJoinedOn(ctx.db, alliance.id);
    if (!violations.length && last && input.dissolvedOn < last) {
      violations.push(
        violation('dissolvedOn', 'BEFORE_LAST_JOIN', `解散日期不能早于现有成员的最晚加入日期（${last}）`),
      );
    }
    if (violations.length) throw badInput(violations);
    const decision = decideAllianceTransition(alliance.status, 'DISSOLVE', viewer.roles, null);
    if (!decision.allowed) throw lifecycleRefusal(alliance.status, decision, null);
    const reason = input.reason.trim();
    await this.members.exitAll(ctx.db, alliance.id, input.dissolvedOn, '联盟解散');
    const dissolved = { dissolvedOn: input.dissolvedOn, dissolutionReason: reason };
    if (!(await this.alliances.dissolve(ctx.db, alliance.id, alliance.version, dissolved, this.clock.now())))
      throw allianceChanged();
    await this.audit.record(ctx.db, {
      action: 'alliance.dissolve',
      subjectType: 'alliance',
      subjectId: alliance.id,
      before: { status: alliance.status },
      after: { status: decision.to, dissolvedOn: input.dissolvedOn, reason },
    });
    return this.visible(ctx.db, alliance.id);
  }
}
