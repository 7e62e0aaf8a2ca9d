import { Injectable } from '@nestjs/common';
import {
  type BalanceGrouping,
  chinaDate,
  checkControlCharacters,
  type FieldViolation,
  isAdmin,
  isCalendarDate,
  isFen,
  isStaff,
  type LedgerEntryKind,
  type ProjectAction,
  recoveryViolations,
  supportSourceOf,
  taskContractViolations,
  trancheViolations,
} from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { actOn } from '../../common/access/access';
import { Clock } from '../../common/clock';
import { AppError, badInput, violation } from '../../common/errors/app-error';
import { sqlState, UNIQUE_VIOLATION } from '../../common/errors/database-errors';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { ApplicationEngine, type TransitionRequest } from '../applications/application-engine';
import { AuditService } from '../audit/audit.service';
import type { ProjectOpener, ProjectOpening } from '../programmes/project-opener';
import type { ProjectEntity, ProjectLedgerEntryEntity } from './project.entity';
import { ProjectKind } from './project.kind';
import { ledgerRefused, projectAlreadyOpened } from './projects.errors';
import {
  type BalanceFilter,
  type BalanceRow,
  LEDGER_DOCUMENT_MAX,
  LEDGER_NOTE_MAX,
  type ProjectFilter,
  ProjectsRepository,
} from './projects.repository';

export type LedgerInput = {
  projectId: string;
  amountFen: string;
  entryOn: string;
  documentNumber: string;
  note?: string | null;
};


/**
 * Projects (立项, Art. 14, 18–20): opened from an award, run on the application engine, paid and
 * recovered through the append-only ledger, whose limits the database holds again.
 */
@Injectable()
export class ProjectsService implements ProjectOpener {
  constructor(
    private readonly projects: ProjectsRepository,
    private readonly kind: ProjectKind,
    private readonly engine: ApplicationEngine,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Opens the project an award makes, IN_PROGRESS, in the caller's transaction (the award's):
   * the task contract must hold (taskContractViolations) with the chair unit as the responsible unit.
   */
  async openFromAward(db: EntityManager, opening: ProjectOpening): Promise<ProjectEntity> {
    const level = await this.projects.tenantLevel(db, opening.tenantId);
    const violations: FieldViolation[] = [];
    const awardFen = opening.awardFen.trim();
    if (!isFen(awardFen) || BigInt(awardFen) <= 0n)
      violations.push(violation('awardFen', 'POSITIVE_FEN', '立项支持金额应为大于零的金额（分）'));
    if (!level) violations.push(violation('tenantId', 'NOT_FOUND', '没有该主管部门'));
    if (violations.length || !level) throw badInput(violations);
    violations.push(
      ...taskContractViolations(opening.contract, {
        awardFen,
        authorityLevel: level,
        responsibleUnit: opening.contract.responsibleUnit,
      }),
    );
    if (violations.length) throw badInput(violations);
    let id: string;
    try {
      id = await this.projects.insert(db, {
        tenantId: opening.tenantId,
        allianceTenantId: opening.allianceTenantId,
        programmeId: opening.programmeId,
        applicationId: opening.applicationId,
        allianceId: opening.allianceId,
        title: opening.contract.title.trim(),
        awardFen: BigInt(awardFen).toString(),
        supportSource: supportSourceOf(level),
        awardedOn: chinaDate(this.clock.now()),
        contract: opening.contract,
        createdBy: await this.userId(db),
      });
    } catch (error) {
      if (sqlState(error) === UNIQUE_VIOLATION) throw projectAlreadyOpened();
      throw error;
    }
    const project = actOn(await this.projects.find(db, id));
    await this.audit.record(db, {
      action: 'project.open',
      subjectType: 'project',
      subjectId: id,
      after: {
        state: project.state,
        programmeId: project.programmeId,
        applicationId: project.applicationId,
        allianceId: project.allianceId,
        awardFen: String(project.awardFen),
        contract: project.dossier,
      },
    });
    return project;
  }

  /** The acting user of the transaction (none for the scheduler). */
  private async userId(db: EntityManager): Promise<string | null> {
    const rows = await db.query<{ id: string | null }[]>(
      `SELECT nullif(current_setting('app.user_id', true), '') AS id`,
    );
    return rows[0]?.id ?? null;
  }

  list(db: EntityManager, filter: ProjectFilter): Promise<[ProjectEntity[], number]> {
    return this.projects.list(db, filter);
  }

  async get(db: EntityManager, id: string): Promise<ProjectEntity> {
    return actOn(await this.projects.find(db, id));
  }

  openOfAlliance(db: EntityManager, allianceId: string): Promise<ProjectEntity[]> {
    return this.projects.openOfAlliance(db, allianceId);
  }

  /** The ledger entries of the projects, in the order money moved. */
  entries(db: EntityManager, projectIds: readonly string[]): Promise<ProjectLedgerEntryEntity[]> {
    return this.projects.entriesOf(db, projectIds);
  }

  balances(db: EntityManager, by: BalanceGrouping, filter: BalanceFilter): Promise<BalanceRow[]> {
    if (filter.year !== null && filter.year !== undefined && !(filter.year >= 2016 && filter.year <= 2100))
      throw badInput([violation('year', 'RANGE', '年度应在 2016 至 2100 之间')]);
    return this.projects.balances(db, by, filter);
  }

  /** A tranche (拨付): the authority's staff, within the award, to a project that takes money. */
  disburse(ctx: RequestContext, viewer: Viewer, input: LedgerInput): Promise<ProjectLedgerEntryEntity> {
    return this.record(ctx, viewer, 'DISBURSEMENT', input);
  }

  /** A recovery (追回) outside a revocation: the authority's administrators, at most what was paid net. */
  recover(ctx: RequestContext, viewer: Viewer, input: LedgerInput): Promise<ProjectLedgerEntryEntity> {
    return this.record(ctx, viewer, 'RECOVERY', input);
  }

  private async record(
    ctx: RequestContext,
    viewer: Viewer,
    kind: LedgerEntryKind,
    input: LedgerInput,
  ): Promise<ProjectLedgerEntryEntity> {
    const project = await this.get(ctx.db, input.projectId);
    if (project.tenantId !== viewer.tenantId || !isStaff(viewer.roles))
      throw new AppError('FORBIDDEN', {}, '拨付和追回由授予项目的主管部门登记');
    if (kind === 'RECOVERY' && !isAdmin(viewer.roles))
      throw new AppError('FORBIDDEN', {}, '追回资金由主管部门的管理员决定');
    const today = chinaDate(this.clock.now());
    const amountFen = input.amountFen.trim();
    const document = input.documentNumber.trim();
    const note = (input.note ?? '').trim();
    const fields: FieldViolation[] = [];
    if (!isCalendarDate(input.entryOn))
      fields.push(violation('entryOn', 'CALENDAR_DATE', '日期应为有效日期（YYYY-MM-DD）'));
    else if (input.entryOn > today)
      fields.push(violation('entryOn', 'NOT_FUTURE', `日期不能晚于今天（${today}）`));
    else if (input.entryOn < project.awardedOn)
      fields.push(violation('entryOn', 'AFTER_AWARD', `日期不能早于立项日期（${project.awardedOn}）`));
    if (!document) fields.push(violation('documentNumber', 'REQUIRED', '请填写凭证号或决定文号'));
    else if ([...document].length > LEDGER_DOCUMENT_MAX)
      fields.push(violation('documentNumber', 'TOO_LONG', `凭证号不超过 ${LEDGER_DOCUMENT_MAX} 字`));
    else if (checkControlCharacters(document))
      fields.push(violation('documentNumber', 'CONTROL_CHARACTER', '凭证号不能包含控制字符'));
    if ([...note].length > LEDGER_NOTE_MAX) fields.push(violation('note', 'TOO_LONG', `备注不超过 ${LEDGER_NOTE_MAX} 字`));
    else if (checkControlCharacters(note))
      fields.push(violation('note', 'CONTROL_CHARACTER', '备注不能包含控制字符'));
    const entries = await this.projects.ledger(ctx.db, project.id);
    const rules =
      kind === 'DISBURSEMENT'
        ? trancheViolations(
            { projectId: project.id, awardFen: String(project.awardFen), state: project.state },
            entries,
            amountFen,
          )
        : recoveryViolations(project.id, entries, amountFen).concat(
            project.state === 'FROZEN'
              ? [
                  violation(
                    'projectId',
                    'PROJECT_FROZEN',
                    '项目因联盟解散已冻结，请先作出处理决定（第十九条）',
                  ),
                ]
              : [],
          );
    // Bad input names its fields; a well-formed entry the ledger's rules refuse gets the rule's code.
    if (fields.length || rules.some((v) => v.rule === 'POSITIVE_FEN')) throw badInput([...fields, ...rules]);
    if (rules.length) throw ledgerRefused(rules);
    const id = await this.projects.insertEntry(ctx.db, {
      tenantId: project.tenantId,
      projectId: project.id,
      kind,
      amountFen: BigInt(amountFen).toString(),
      entryOn: input.entryOn,
      documentNumber: document,
      note,
      recordedBy: viewer.userId,
    });
    const entry = actOn(await this.projects.entry(ctx.db, id));
    await this.audit.record(ctx.db, {
      action: kind === 'DISBURSEMENT' ? 'project.disburse' : 'project.recover',
      subjectType: 'project',
      subjectId: project.id,
      after: {
        entryId: id,
        kind,
        amountFen: entry.amountFen,
        entryOn: entry.entryOn,
        documentNumber: document,
      },
    });
    return entry;
  }

  /** One step of the project's workflow on the engine; what a step leaves besides the row is the kind's. */
  transition(
    ctx: RequestContext,
    viewer: Viewer,
    request: TransitionRequest<ProjectAction>,
  ): Promise<ProjectEntity> {
    return this.engine.transition(ctx.db, viewer, this.kind, request);
  }
}
