import { Injectable } from '@nestjs/common';
import type { TenantLevel } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';
import type { Job } from './jobs.repository';

/**
 * What a kind of job does. It runs in a transaction of the job's tenant and must be idempotent:
 * its work commits together with the job's DONE, and a retried job finds that work done or undone
 * as a whole. `actsAs` is the identity row security sees: the tenant's authority (its
 * administrator's roles) for steps an authority's deadline takes, or nobody for bookkeeping that
 * goes through definer functions only.
 */
export type JobHandler = {
  kind: string;
  actsAs: 'AUTHORITY' | 'NOBODY';
  /**
   * Slow work that needs no database (a browser rendering a PDF), done before `run`'s transaction
   * opens so no connection waits on it; its result is handed to `run`. It must end well within the
   * job's lease, so it carries its own time limit.
   */
  prepare?(job: Job): Promise<unknown>;
  run(db: EntityManager, job: Job, now: Date, prepared?: unknown): Promise<void>;
};

export function rolesFor(actsAs: JobHandler['actsAs'], level: TenantLevel): string[] {
  if (actsAs === 'NOBODY') return [];
  return level === 'PROVINCE' ? ['PROVINCE_ADMIN'] : ['CITY_ADMIN'];
}

/** The handlers of the job kinds, registered by the feature modules that own them. */
@Injectable()
export class JobHandlers {
  private readonly handlers = new Map<string, JobHandler>();

  register(handler: JobHandler): void {
    if (this.handlers.has(handler.kind)) throw new Error(`job kind ${handler.kind} registered twice`);
    this.handlers.set(handler.kind, handler);
  }

  find(kind: string): JobHandler | undefined {
    return this.handlers.get(kind);
  }
}
