import { Injectable } from '@nestjs/common';
import {
  callGuideChangeable,
  callScheduleViolations,
  chinaDate,
  type DocumentKind,
  type FieldViolation,
} from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { actOn, ownRecord, requireAdmin, requireStaff } from '../../common/access/access';
import { Clock } from '../../common/clock';
import { badInput, violation } from '../../common/errors/app-error';
import { staleEdit } from '../../common/errors/stale-edit';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import { MeasuresService } from '../measures/measures.service';
import type { DocumentEntity } from '../documents/document.entity';
import { callChanged, callGuideClosed, callPublished } from './calls.errors';
import { CallDeadlineReminders } from './call-deadline-reminders';
import { type CallFields, CallsRepository } from './calls.repository';
import type { PilotCallInput } from './dto/pilot-call.input';
import type { PilotCallEntity } from './pilot-call.entity';

const DOCUMENT_KINDS: readonly DocumentKind[] = ['FEASIBILITY_REPORT', 'AGREEMENT_SCAN', 'ATTACHMENT'];

/** Calls for pilot applications (Art. 10): the authority's staff write them, an admin publishes. */
@Injectable()
export class CallsService {
  constructor(
    private readonly calls: CallsRepository,
    private readonly audit: AuditService,
    private readonly measures: MeasuresService,
    private readonly clock: Clock,
    private readonly reminders: CallDeadlineReminders,
  ) {}

  /** Own calls in any status and the parent tier's published ones (row-level security decides). */
  list(db: EntityManager): Promise<PilotCallEntity[]> {
    return this.calls.list(db, 'PILOT');
  }

  /** The programme calls the viewer reads (own in any status, the parent tier's published), of one programme if named. */
  listProgrammeCalls(db: EntityManager, programmeId?: string): Promise<PilotCallEntity[]> {
    return this.calls.list(db, 'PROGRAMME', programmeId);
  }

  async get(db: EntityManager, id: string): Promise<PilotCallEntity> {
    return actOn(await this.calls.find(db, id));
  }

  /** A call the viewer reads, or null (for callers that answer a missing call their own way). */
  find(db: EntityManager, id: string): Promise<PilotCallEntity | null> {
    return this.calls.find(db, id);
  }

  private checked(
    input: Omit<PilotCallInput, 'requiredDocuments'> & { requiredDocuments: readonly string[] },
    kinds: { allowed: readonly string[]; message: string } = {
      allowed: DOCUMENT_KINDS,
      message: '须附文件只能是可行性报告、协议扫描件或其他附件',
    },
  ): CallFields {
    const violations: FieldViolation[] = [];
    const title = input.title.trim();
    const description = (input.description ?? '').trim();
    if (title.length < 4 || title.length > 200)
      violations.push(violation('title', 'LENGTH', '标题应为 4–200 个字'));
    if (description.length > 5000)
      violations.push(violation('description', 'MAX_LENGTH', '说明不能超过 5000 个字'));
    const times = {
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      recommendBy: input.recommendBy,
      decideBy: input.decideBy,
    };
    for (const [field, value] of Object.entries(times)) {
      if (!(value instanceof Date) || Number.isNaN(value.getTime()))
        violations.push(violation(field, 'DATE_TIME', '应为有效的时间'));
    }
    if (!violations.some((v) => v.rule === 'DATE_TIME')) violations.push(...callScheduleViolations(times));
    const required = [...new Set(input.requiredDocuments)];
    if (required.some((k) => !kinds.allowed.includes(k)))
      violations.push(violation('requiredDocuments', 'DOCUMENT_KIND', kinds.message));
    if (violations.length) throw badInput(violations);
    // The kind decides the vocabulary (and the database checks it): a programme call's are ProgrammeDocumentKind.
    return { ...times, title, description, requiredDocuments: required as DocumentKind[] };
  }

  async create(ctx: RequestContext, viewer: Viewer, input: PilotCallInput): Promise<PilotCallEntity> {
    requireStaff(viewer);
    const fields = this.checked(input);
    // The rules the call applies are those in force for its tier the day it is written.
    const inForce = await this.measures.inForce(ctx.db, viewer, chinaDate(this.clock.now()));
    const measures = inForce.local ?? inForce.province;
    const id = await this.calls.insert(ctx.db, {
      ...fields,
      tenantId: viewer.tenantId,
      kind: 'PILOT',
      programmeId: null,
      measuresTenantId: measures.tenantId,
      measuresId: measures.id,
      measuresVersionNo: measures.versionNo,
      status: 'DRAFT',
      publishedAt: null,
      version: 1,
      createdBy: viewer.userId,
    });
    const call = await this.get(ctx.db, id);
    await this.audit.record(ctx.db, {
      action: 'pilot_call.create',
      subjectType: 'pilot_call',
      subjectId: call.id,
      after: this.auditable(call),
    });
    return call;
  }

  /**
   * A call for a published programme of the viewer's own tier (the database checks it again): the
   * same window, deadlines and publication as a pilot call, under the programme's measures version.
   */
  async createForProgramme(
    ctx: RequestContext,
    viewer: Viewer,
    programme: {
      id: string;
      tenantId: string;
      measuresTenantId: string;
      measuresId: string;
      measuresVersionNo: number;
    },
    input: Omit<PilotCallInput, 'requiredDocuments'> & { requiredDocuments: readonly string[] },
    documentKinds: { allowed: readonly string[]; message: string },
  ): Promise<PilotCallEntity> {
    requireStaff(viewer);
    const fields = this.checked(input, documentKinds);
    const id = await this.calls.insert(ctx.db, {
      ...fields,
      tenantId: viewer.tenantId,
      kind: 'PROGRAMME',
      programmeId: programme.id,
      measuresTenantId: programme.measuresTenantId,
      measuresId: programme.measuresId,
      measuresVersionNo: programme.measuresVersionNo,
      status: 'DRAFT',
      publishedAt: null,
      version: 1,
      createdBy: viewer.userId,
    });
    const call = await this.get(ctx.db, id);
    await this.audit.record(ctx.db, {
      action: 'pilot_call.create',
      subjectType: 'pilot_call',
      subjectId: call.id,
      after: { ...this.auditable(call), kind: 'PROGRAMME', programmeId: programme.id },
    });
    return call;
  }

  private auditable(call: PilotCallEntity) {
    return {
      title: call.title,
      opensAt: call.opensAt,
      closesAt: call.closesAt,
      recommendBy: call.recommendBy,
      decideBy: call.decideBy,
      requiredDocuments: call.requiredDocuments,
      measuresId: call.measuresId,
      measuresVersionNo: call.measuresVersionNo,
      status: call.status,
    };
  }

  private async ownCall(db: EntityManager, viewer: Viewer, id: string): Promise<PilotCallEntity> {
    return ownRecord(viewer, await this.calls.find(db, id));
  }

  async update(
    ctx: RequestContext,
    viewer: Viewer,
    id: string,
    version: number,
    input: PilotCallInput,
  ): Promise<PilotCallEntity> {
    requireStaff(viewer);
    const call = await this.ownCall(ctx.db, viewer, id);
    if (call.status !== 'DRAFT') throw callPublished();
    if (call.version !== version)
      throw await staleEdit(ctx.db, 'pilot_call', call.id, `申报通知「${call.title}」`);
    const fields = this.checked(input);
    if (!(await this.calls.updateDraft(ctx.db, call.id, version, fields)))
      throw await staleEdit(ctx.db, 'pilot_call', call.id, `申报通知「${call.title}」`);
    const updated = await this.get(ctx.db, call.id);
    await this.audit.record(ctx.db, {
      action: 'pilot_call.update',
      subjectType: 'pilot_call',
      subjectId: call.id,
      before: this.auditable(call),
      after: this.auditable(updated),
    });
    return updated;
  }

  async publish(ctx: RequestContext, viewer: Viewer, id: string, version: number): Promise<PilotCallEntity> {
    requireAdmin(viewer, '申报通知须由本单位管理员发布');
    const call = await this.ownCall(ctx.db, viewer, id);
    if (call.status !== 'DRAFT') throw callPublished();
    if (call.version !== version) throw callChanged();
    if (!(await this.calls.publish(ctx.db, call.id, version, this.clock.now()))) throw callChanged();
    const published = await this.get(ctx.db, call.id);
    await this.audit.record(ctx.db, {
      action: 'pilot_call.publish',
      subjectType: 'pilot_call',
      subjectId: call.id,
      before: { status: 'DRAFT' },
      after: this.auditable(published),
    });
    await this.reminders.schedule(ctx.db, published, this.clock.now());
    return published;
  }

  /** The guides (申报指南) of the calls the viewer reads, by call id. */
  guides(db: EntityManager, callIds: readonly string[]): Promise<Map<string, DocumentEntity>> {
    return callIds.length
      ? this.calls.guides(db, callIds)
      : Promise.resolve(new Map<string, DocumentEntity>());
  }

  /** The viewer's own call whose guide may change now: a draft, or published and not yet closed. */
  async guideChangeable(db: EntityManager, viewer: Viewer, callId: string): Promise<PilotCallEntity> {
    requireStaff(viewer);
    const call = await this.ownCall(db, viewer, callId);
    if (!callGuideChangeable(call, this.clock.now())) throw callGuideClosed();
    return call;
  }

  /** Sets or replaces the call's guide with an uploaded document (checked by DocumentsService). */
  async setGuide(
    ctx: RequestContext,
    viewer: Viewer,
    callId: string,
    document: DocumentEntity,
  ): Promise<void> {
    const call = await this.guideChangeable(ctx.db, viewer, callId);
    const replaced = await this.calls.setGuide(ctx.db, {
      tenantId: call.tenantId,
      callId: call.id,
      documentId: document.id,
      at: this.clock.now(),
      by: viewer.userId,
    });
    await this.audit.record(ctx.db, {
      action: replaced ? 'pilot_call.guide_replace' : 'pilot_call.guide_set',
      subjectType: 'pilot_call',
      subjectId: call.id,
      before: replaced ? { guideDocumentId: replaced } : undefined,
      after: {
        guideDocumentId: document.id,
        fileName: document.fileName,
        sha256: document.sha256.toString('hex'),
      },
    });
  }

  /** Removes the call's guide (NOT_FOUND when it has none); the document stays among the tier's. */
  async removeGuide(ctx: RequestContext, viewer: Viewer, callId: string): Promise<PilotCallEntity> {
    const call = await this.guideChangeable(ctx.db, viewer, callId);
    const removed = actOn(await this.calls.removeGuide(ctx.db, call.tenantId, call.id));
    await this.audit.record(ctx.db, {
      action: 'pilot_call.guide_remove',
      subjectType: 'pilot_call',
      subjectId: call.id,
      before: { guideDocumentId: removed },
    });
    return call;
  }
}
