import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { DecisionLetter } from '@xiangmeng/domain';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { perRequestLoader } from '../../common/request/per-request';
import type { RequestContext } from '../../common/request/request-context';
import { AuditService } from '../audit/audit.service';
import { DocumentsService } from '../documents/documents.service';
import { JobHandlers } from '../jobs/job-handlers';
import type { Job } from '../jobs/jobs.repository';
import { JobsRepository } from '../jobs/jobs.repository';
import { decisionLetterHtml } from './decision-letter.html';
import {
  type DecisionPdf,
  DecisionPdfsRepository,
  type DecisionSubjectType,
} from './decision-pdfs.repository';
import { renderPdf, renderSettings } from './pdf-renderer';

export const DECISION_PDF_JOB = 'decision.pdf';

type Payload = { decisionPdfId: string; html: string };

/** What the rendering left for the job's transaction: a stored file, or why there is none. */
type Rendered =
  | { kind: 'stored'; storageKey: string; sha256: Buffer; sizeBytes: number }
  | { kind: 'missing'; reason: string };

function payloadOf(job: Job): Payload {
  const p = job.payload as Partial<Payload>;
  if (typeof p.decisionPdfId !== 'string' || typeof p.html !== 'string')
    throw new Error(`malformed job ${job.kind}:${job.key}`);
  return { decisionPdfId: p.decisionPdfId, html: p.html };
}

/**
 * Decisions kept as PDF with their SHA-256 (issue #13). The decision's transaction only asks:
 * the letter's page goes into a job, Chromium renders it on the scheduler with no connection
 * held and within a time limit, and a short transaction keeps the document and its hash beside
 * the record, or the reason there is none (no Chromium on the server, a render that failed).
 */
@Injectable()
export class DecisionPdfsService implements OnModuleInit {
  constructor(
    private readonly handlers: JobHandlers,
    private readonly jobs: JobsRepository,
    private readonly repository: DecisionPdfsRepository,
    private readonly documents: DocumentsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.handlers.register({
      kind: DECISION_PDF_JOB,
      actsAs: 'AUTHORITY',
      prepare: (job) => this.render(job),
      run: (db, job, now, prepared) => this.keep(db, job, now, prepared as Rendered),
    });
  }

  /** In the decision's transaction: the letter as decided, rendered once the decision commits. */
  async request(
    db: EntityManager,
    p: {
      tenantId: string;
      subjectType: DecisionSubjectType;
      subjectId: string;
      fileName: string;
      letter: DecisionLetter;
    },
  ): Promise<void> {
    const now = this.clock.now();
    const decisionPdfId = await this.repository.request(db, { ...p, now });
    await this.jobs.schedule(db, {
      tenantId: p.tenantId,
      kind: DECISION_PDF_JOB,
      key: `${p.subjectType}:${p.subjectId}:${now.toISOString()}`,
      payload: { decisionPdfId, html: decisionLetterHtml(p.letter) } satisfies Payload,
      runAt: now,
    });
  }

  /** The bureaus' names a letter is addressed from and to. */
  bureauNames(db: EntityManager, tenantIds: readonly string[]): Promise<Map<string, string>> {
    return this.repository.bureauNames(db, tenantIds);
  }

  /** The decision PDF of one subject, batched with the request's others of that type. */
  async ofSubject(
    ctx: RequestContext,
    subjectType: DecisionSubjectType,
    id: string,
  ): Promise<DecisionPdf | undefined> {
    const loader = perRequestLoader<string, DecisionPdf | undefined>(
      ctx,
      `decision-pdf:${subjectType}`,
      async (ids) => {
        const rows = await this.repository.ofSubjects(ctx.db, subjectType, ids);
        return ids.map((subjectId) => rows.find((r) => r.subjectId === subjectId));
      },
    );
    return loader.load(id);
  }

  // No connection is held here: Chromium may take seconds.
  private async render(job: Job): Promise<Rendered> {
    const { decisionPdfId, html } = payloadOf(job);
    const outcome = await renderPdf(html, renderSettings());
    if ('missing' in outcome) {
      // A failure that another attempt may mend is retried; the last attempt records it.
      if (outcome.retry && job.attempts < job.maxAttempts) throw new Error(outcome.missing);
      return { kind: 'missing', reason: outcome.missing };
    }
    const sha256 = createHash('sha256').update(outcome.pdf).digest();
    const storageKey = `${job.tenantId}/decision-${decisionPdfId}/${sha256.toString('hex')}.pdf`;
    await this.documents.putGenerated(storageKey, outcome.pdf);
    return { kind: 'stored', storageKey, sha256, sizeBytes: outcome.pdf.length };
  }

  private async keep(db: EntityManager, job: Job, now: Date, rendered: Rendered): Promise<void> {
    const { decisionPdfId } = payloadOf(job);
    const request = await this.repository.find(db, decisionPdfId);
    if (!request || request.state !== 'PENDING') return;
    const subject = { type: request.subjectType, id: request.subjectId };
    if (rendered.kind === 'missing') {
      await this.repository.missing(db, request.id, rendered.reason, now);
      await this.audit.record(db, {
        action: 'decision_pdf.missing',
        subjectType: subject.type,
        subjectId: subject.id,
        after: { reason: rendered.reason },
      });
      return;
    }
    const document = await this.documents.recordGenerated(db, {
      tenantId: job.tenantId,
      kind: 'DECISION',
      fileName: request.fileName,
      mediaType: 'application/pdf',
      sizeBytes: rendered.sizeBytes,
      sha256: rendered.sha256,
      storageKey: rendered.storageKey,
      at: now,
    });
    await this.repository.stored(db, request.id, document.id, rendered.sha256, now);
    await this.audit.record(db, {
      action: 'decision_pdf.stored',
      subjectType: subject.type,
      subjectId: subject.id,
      after: {
        documentId: document.id,
        sha256: rendered.sha256.toString('hex'),
        sizeBytes: rendered.sizeBytes,
      },
    });
  }
}
