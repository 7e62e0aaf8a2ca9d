import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { applyIdentity } from '../../common/request/identity';
import { JobHandlers, rolesFor } from './job-handlers';
import { type Job, JobsRepository } from './jobs.repository';

export type SchedulerSettings = {
  /** Whether the loop runs by itself; tests run it step by step with `runDue`. */
  enabled: boolean;
  pollMs: number;
  leaseSeconds: number;
  batchSize: number;
};

export const DEFAULT_SCHEDULER: SchedulerSettings = {
  enabled: true,
  pollMs: 1000,
  leaseSeconds: 120,
  batchSize: 10,
};

export abstract class SchedulerSettingsProvider {
  abstract readonly settings: SchedulerSettings;
}

export type RunReport = { done: number; failed: number; retried: number };

class LeaseLost extends Error {
  constructor(job: Job) {
    super(`job ${job.kind}:${job.key} was claimed by another worker`);
  }
}

/** Seconds before the next attempt: 10 s, 20 s, 40 s, ... at most an hour. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(10 * 2 ** Math.max(0, attempts - 1), 3600);
}

/**
 * The scheduler inside the API process. It claims due jobs (SKIP LOCKED, so several API
 * processes share the work and each job runs once) and runs them one at a time: it never holds
 * more than one pooled connection, and waits for one no longer than a request does.
 */
@Injectable()
export class JobScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('JobScheduler');
  private readonly worker = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<RunReport> | null = null;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsRepository,
    private readonly handlers: JobHandlers,
    private readonly clock: Clock,
    private readonly settings: SchedulerSettingsProvider,
  ) {}

  onApplicationBootstrap(): void {
    if (this.settings.settings.enabled) this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.runDue()
        .catch((error: unknown) => this.logger.error(`scheduler round failed: ${String(error)}`))
        .finally(() => this.schedule());
    }, this.settings.settings.pollMs);
    this.timer.unref();
  }

  /** Claims and runs the jobs due now, until none is left; one round at a time per process. */
  runDue(): Promise<RunReport> {
    if (!this.running) {
      this.running = this.drain().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  private async drain(): Promise<RunReport> {
    const report: RunReport = { done: 0, failed: 0, retried: 0 };
    const { leaseSeconds, batchSize } = this.settings.settings;
    for (;;) {
      if (this.stopped) return report;
      const claimed = await this.inTransaction((db) =>
        this.jobs.claim(db, this.worker, this.clock.now(), leaseSeconds, batchSize),
      );
      if (!claimed.length) return report;
      for (const job of claimed) {
        const outcome = await this.run(job);
        report[outcome] += 1;
      }
    }
  }

  private async run(job: Job): Promise<keyof RunReport> {
    const handler = this.handlers.find(job.kind);
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      const prepared = handler.prepare ? await handler.prepare(job) : undefined;
      await this.inTransaction(async (db) => {
        const level = await this.jobs.tenantLevel(db, job.tenantId);
        await applyIdentity(db, {
          tenantId: job.tenantId,
          userId: null,
          roles: rolesFor(handler.actsAs, level),
        });
        const now = this.clock.now();
        await handler.run(db, job, now, prepared);
        if (!(await this.jobs.finish(db, job.id, this.worker, now))) throw new LeaseLost(job);
      });
      return 'done';
    } catch (error) {
      if (error instanceof LeaseLost) return 'retried';
      const message = error instanceof Error ? error.message : String(error);
      const retryAt = new Date(this.clock.now().getTime() + retryDelaySeconds(job.attempts) * 1000);
      const state = await this.inTransaction((db) =>
        this.jobs.fail(db, job.id, this.worker, message, retryAt),
      );
      this.logger.warn(
        `job ${job.kind}:${job.key} attempt ${job.attempts} failed (${state ?? 'lease lost'}): ${message}`,
      );
      return state === 'FAILED' ? 'failed' : 'retried';
    }
  }

  // The scheduler is no request: it holds nothing else while it takes this connection, and takes
  // one transaction at a time (claim, then each job), with the pool's wait limit.
  private async inTransaction<T>(work: (db: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((db) => work(db));
  }
}
