import { Injectable } from '@nestjs/common';
import {
  isStaff,
  NOTICE_STATES,
  NOTICE_WITHDRAWAL_REASON_MAX,
  type NoticeState,
  noticeProblems,
} from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import { actOn, ownRecord, requireStaff } from '../../common/access/access';
import { Clock } from '../../common/clock';
import { badInput, invalid } from '../../common/errors/app-error';
import type { RequestContext, Viewer } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import type { SaveNoticeInput, WithdrawNoticeInput } from './dto/notice.input';
import { noticeChanged, noticeNotDraft, noticeNotPublished } from './notices.errors';
import { type Notice, type NoticeAttachment, NoticesRepository } from './notices.repository';

const MAX_PAGE = 100;

export type NoticeWithAttachments = { notice: Notice; attachments: NoticeAttachment[] };

/** Notices (通知公告): the publisher's staff draft, publish and withdraw; readers see theirs. */
@Injectable()
export class NoticesService {
  constructor(
    private readonly notices: NoticesRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  private static limit(first: number | null | undefined, fallback: number): number {
    return Math.min(Math.max(first ?? fallback, 1), MAX_PAGE);
  }

  /** The viewer's own tier's notices in every state (staff only). */
  async ofOwnTenant(
    db: EntityManager,
    viewer: Viewer,
    state: string | null,
    first: number | null,
  ): Promise<Notice[]> {
    requireStaff(viewer);
    if (state !== null && !Object.hasOwn(NOTICE_STATES, state)) {
      throw invalid('state', 'ONE_OF', '状态应为 DRAFT、PUBLISHED 或 WITHDRAWN');
    }
    return this.notices.ofTenant(
      db,
      viewer.tenantId,
      state as NoticeState | null,
      NoticesService.limit(first, 50),
    );
  }

  /** Published notices addressed to the viewer, pinned first, newest first. */
  forMe(db: EntityManager, viewer: Viewer, first: number | null): Promise<Notice[]> {
    return this.notices.addressedTo(
      db,
      { tenantId: viewer.tenantId, staff: isStaff(viewer.roles), expert: viewer.roles.includes('EXPERT') },
      NoticesService.limit(first, 10),
    );
  }

  /** One notice the viewer reads (row security decides), with its attachments. */
  async byId(db: EntityManager, id: string): Promise<NoticeWithAttachments> {
    const notice = actOn(await this.notices.find(db, id));
    return { notice, attachments: (await this.notices.attachments(db, [notice.id])).get(notice.id) ?? [] };
  }

  async attachmentsOf(db: EntityManager, ids: readonly string[]): Promise<Map<string, NoticeAttachment[]>> {
    return ids.length ? this.notices.attachments(db, ids) : new Map();
  }

  private static content(viewer: Viewer, input: SaveNoticeInput) {
    const problems = noticeProblems(input, viewer.tenantLevel);
    if (problems.length) throw badInput(problems);
    return {
      title: input.title.trim(),
      body: input.body,
      audiences: [...input.audiences],
      pinned: input.pinned,
    };
  }

  private async own(db: EntityManager, viewer: Viewer, id: string): Promise<Notice> {
    return ownRecord(viewer, await this.notices.find(db, id));
  }

  /** Creates a draft, or changes one at the version read. */
  async save(ctx: RequestContext, viewer: Viewer, input: SaveNoticeInput): Promise<Notice> {
    requireStaff(viewer);
    const now = this.clock.now();
    if (!input.id) {
      const content = NoticesService.content(viewer, input);
      const id = await this.notices.insert(ctx.db, viewer.tenantId, content, viewer.userId, now);
      await this.audit.record(ctx.db, {
        action: 'notice.create',
        subjectType: 'notice',
        subjectId: id,
        after: content,
      });
      return actOn(await this.notices.find(ctx.db, id));
    }
    const before = await this.own(ctx.db, viewer, input.id);
    if (before.state !== 'DRAFT') throw noticeNotDraft();
    if (input.version === null || input.version === undefined) {
      throw invalid('version', 'REQUIRED', '修改草稿须给出读到的版本');
    }
    const content = NoticesService.content(viewer, input);
    if (!(await this.notices.updateDraft(ctx.db, before.id, input.version, content, now)))
      throw noticeChanged();
    await this.audit.record(ctx.db, {
      action: 'notice.update',
      subjectType: 'notice',
      subjectId: before.id,
      before: { title: before.title, body: before.body, audiences: before.audiences, pinned: before.pinned },
      after: content,
    });
    return actOn(await this.notices.find(ctx.db, before.id));
  }

  async publish(ctx: RequestContext, viewer: Viewer, id: string, version: number): Promise<Notice> {
    requireStaff(viewer);
    const notice = await this.own(ctx.db, viewer, id);
    if (notice.state !== 'DRAFT') throw noticeNotDraft();
    if (!(await this.notices.publish(ctx.db, notice.id, version, viewer.userId, this.clock.now()))) {
      throw noticeChanged();
    }
    await this.audit.record(ctx.db, {
      action: 'notice.publish',
      subjectType: 'notice',
      subjectId: notice.id,
      before: { state: 'DRAFT' },
      after: { state: 'PUBLISHED', title: notice.title, audiences: notice.audiences },
    });
    return actOn(await this.notices.find(ctx.db, notice.id));
  }

  async withdraw(ctx: RequestContext, viewer: Viewer, input: WithdrawNoticeInput): Promise<Notice> {
    requireStaff(viewer);
    const notice = await this.own(ctx.db, viewer, input.id);
    const reason = input.reason.trim();
    if (!reason) throw invalid('reason', 'REQUIRED', '请填写撤回理由');
    if ([...reason].length > NOTICE_WITHDRAWAL_REASON_MAX) {
      throw invalid('reason', 'TOO_LONG', `撤回理由不能超过 ${NOTICE_WITHDRAWAL_REASON_MAX} 个字`);
    }
    if (notice.state !== 'PUBLISHED') throw noticeNotPublished();
    if (
      !(await this.notices.withdraw(
        ctx.db,
        notice.id,
        input.version,
        viewer.userId,
        reason,
        this.clock.now(),
      ))
    ) {
      throw noticeChanged();
    }
    await this.audit.record(ctx.db, {
      action: 'notice.withdraw',
      subjectType: 'notice',
      subjectId: notice.id,
      before: { state: 'PUBLISHED' },
      after: { state: 'WITHDRAWN', reason },
    });
    return actOn(await this.notices.find(ctx.db, notice.id));
  }

  /** The draft of the viewer's tier an upload is for (NOT_FOUND / NOTICE_NOT_DRAFT otherwise). */
  async attachable(db: EntityManager, viewer: Viewer, noticeId: string): Promise<Notice> {
    requireStaff(viewer);
    const notice = await this.own(db, viewer, noticeId);
    if (notice.state !== 'DRAFT') throw noticeNotDraft();
    return notice;
  }

  /** Links an uploaded document to a draft of the viewer's tier (the upload is checked by DocumentsService). */
  async attach(
    ctx: RequestContext,
    viewer: Viewer,
    noticeId: string,
    documentId: string,
    fileName: string,
  ): Promise<void> {
    const notice = await this.attachable(ctx.db, viewer, noticeId);
    await this.notices.attach(ctx.db, viewer.tenantId, notice.id, documentId, this.clock.now());
    await this.audit.record(ctx.db, {
      action: 'notice.attach',
      subjectType: 'notice',
      subjectId: notice.id,
      after: { documentId, fileName },
    });
  }

  async detach(ctx: RequestContext, viewer: Viewer, noticeId: string, documentId: string): Promise<Notice> {
    requireStaff(viewer);
    const notice = await this.own(ctx.db, viewer, noticeId);
    if (notice.state !== 'DRAFT') throw noticeNotDraft();
    actOn((await this.notices.detach(ctx.db, notice.id, documentId)) || null);
    await this.audit.record(ctx.db, {
      action: 'notice.detach',
      subjectType: 'notice',
      subjectId: notice.id,
      before: { documentId },
    });
    return notice;
  }
}
