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
import { DebarmentsService } from '../programmes/debarments.service';
import { PanelsService } from '../reviews/panels.service';
import type { ProjectOpener, ProjectOpening } from '../programmes/project-opener';
import type { ProjectEntity, ProjectLedgerEntryEntity } from './project.entity';
import { ProjectKind, type RevocationDebarment } from './project.kind';
import { ledgerRefusalOf, ledgerRefused, projectAlreadyOpened } from './projects.errors';
import {
  type BalanceFilter,
  type BalanceRow,
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

const DOCUMENT_MAX = 100;
const NOTE_MAX = 2000;

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
    private readonly debarments: DebarmentsService,
    private readonly panels: PanelsService,
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
    else if ([...document].length > DOCUMENT_MAX)
      fields.push(violation('documentNumber', 'TOO_LONG', `凭证号不超过 ${DOCUMENT_MAX} 字`));
    else if (checkControlCharacters(document))
      fields.push(violation('documentNumber', 'CONTROL_CHARACTER', '凭证号不能包含控制字符'));
    if ([...note].length > NOTE_MAX) fields.push(violation('note', 'TOO_LONG', `备注不超过 ${NOTE_MAX} 字`));
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
    const id = await this.insertEntry(ctx.db, {
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

  /** The insert, with the database's refusal (a concurrent entry took the room) as the domain's code. */
  private async insertEntry(
    db: EntityManager,
    entry: Parameters<ProjectsRepository['insertEntry']>[1],
  ): Promise<string> {
    try {
      return await this.projects.insertEntry(db, entry);
    } catch (error) {
      throw ledgerRefusalOf(error) ?? error;
    }
  }

  /**
   * One step of the project's workflow on the engine. A returned acceptance request releases its
   * panel's seats. A revocation also writes, in the same
   * transaction, its recovery as a RECOVERY entry (after the project is REVOKED, which the ledger
   * accepts) and the debarments decided with it (Art. 20(2)) through the register.
   */
  async transition(
    ctx: RequestContext,
    viewer: Viewer,
    request: TransitionRequest<ProjectAction>,
  ): Promise<ProjectEntity> {
    const project = await this.engine.transition(ctx.db, viewer, this.kind, request);
    if (request.action === 'RETURN_ACCEPTANCE') {
      await this.panels.release(
        ctx.db,
        viewer,
        project.id,
        `验收申请已退回：${request.text.trim()}`.slice(0, 500),
      );
      return project;
    }
    if (request.action !== 'REVOKE') return project;
    const basis = project.decisionBasis;
    const today = chinaDate(this.clock.now());
    if (basis?.recoveryFen && BigInt(basis.recoveryFen) > 0n) {
      const documentNumber = revocationDocument(request.details, today);
      const entryId = await this.insertEntry(ctx.db, {
        tenantId: project.tenantId,
        projectId: project.id,
        kind: 'RECOVERY',
        amountFen: basis.recoveryFen,
        entryOn: today,
        documentNumber,
        note: `撤销项目追回：${request.text.trim()}`.slice(0, NOTE_MAX),
        recordedBy: viewer.userId,
      });
      await this.audit.record(ctx.db, {
        action: 'project.recover',
        subjectType: 'project',
        subjectId: project.id,
        after: { entryId, kind: 'RECOVERY', amountFen: basis.recoveryFen, entryOn: today, documentNumber },
      });
    }
    for (const d of debarmentsOf(request.details)) {
      await this.debarments.record(ctx, viewer, {
        organizationId: d.organizationId,
        reason: d.reason,
        decisionDocument: d.decisionDocument,
        fromDate: today,
        evidence: `撤销项目「${project.title}」（${project.id}）`,
      });
    }
    return project;
  }
}

/** The revocation's decision document, which the recovery entry cites. */
function revocationDocument(details: Record<string, unknown> | undefined, today: string): string {
  const document = details?.decisionDocument;
  return typeof document === 'string' && document.trim()
    ? document.trim().slice(0, DOCUMENT_MAX)
    : `撤销决定 ${today}`;
}

function debarmentsOf(details: Record<string, unknown> | undefined): RevocationDebarment[] {
  const list = details?.debar;
  if (!Array.isArray(list)) return [];
  return list.map((d) => {
    const o = (d ?? {}) as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    return {
      organizationId: text(o.organizationId).trim(),
      decisionDocument: text(o.decisionDocument),
      reason: text(o.reason),
    };
  });
}
