import { Injectable } from '@nestjs/common';
import type { TenantLevel } from '@xiangmeng/domain';
import type { EntityManager } from 'typeorm';

export type Job = {
  id: string;
  tenantId: string;
  kind: string;
  key: string;
  payload: Record<string, unknown>;
  runAt: Date;
  attempts: number;
  maxAttempts: number;
};

export type JobRequest = {
  tenantId: string;
  kind: string;
  key: string;
  payload?: Record<string, unknown>;
  runAt: Date;
};

type JobRow = {
  id: string;
  tenant_id: string;
  kind: string;
  key: string;
  payload: Record<string, unknown>;
  run_at: Date;
  attempts: number;
  max_attempts: number;
};

function toJob(row: JobRow): Job {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    kind: row.kind,
    key: row.key,
    payload: row.payload,
    runAt: new Date(row.run_at),
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
  };
}

/** Every statement of the job table. Claims and outcomes go through the job_* functions. */
@Injectable()
export class JobsRepository {
  /**
   * Schedules a step of the acting tenant, or moves it while it is still pending (a deadline
   * edited): one job per kind and key. A job already running or done stays as it is.
   */
  async schedule(db: EntityManager, job: JobRequest): Promise<void> {
    await db.query(
      `INSERT INTO job (tenant_id, kind, key, payload, run_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ON CONSTRAINT job_one_per_key
       DO UPDATE SET run_at = EXCLUDED.run_at, payload = EXCLUDED.payload WHERE job.state = 'PENDING'`,
      [job.tenantId, job.kind, job.key, JSON.stringify(job.payload ?? {}), job.runAt],
    );
  }

  /** Cancels a pending step (the deadline no longer applies); true when one was pending. */
  async cancel(db: EntityManager, kind: string, key: string): Promise<boolean> {
    const [, affected] = await db.query<[unknown, number]>(
      `UPDATE job SET state = 'CANCELLED' WHERE kind = $1 AND key = $2 AND state = 'PENDING'`,
      [kind, key],
    );
    return affected === 1;
  }

  async claim(
    db: EntityManager,
    worker: string,
    now: Date,
    leaseSeconds: number,
    limit: number,
  ): Promise<Job[]> {
    const rows = await db.query<JobRow[]>('SELECT * FROM job_claim($1, $2, $3, $4)', [
      worker,
      now,
      leaseSeconds,
      limit,
    ]);
    return rows.map(toJob);
  }

  /** Marks the job done in the transaction that did its work; false when the lease was lost. */
  async finish(db: EntityManager, id: string, worker: string, now: Date): Promise<boolean> {
    const [row] = await db.query<{ finished: boolean }[]>('SELECT job_finish($1, $2, $3) AS finished', [
      id,
      worker,
      now,
    ]);
    return row?.finished === true;
  }

  /** Gives the job back for a retry at `retryAt`, or fails it for good after its last attempt. */
  async fail(
    db: EntityManager,
    id: string,
    worker: string,
    error: string,
    retryAt: Date,
  ): Promise<string | null> {
    const [row] = await db.query<{ state: string | null }[]>('SELECT job_fail($1, $2, $3, $4) AS state', [
      id,
      worker,
      error,
      retryAt,
    ]);
    return row?.state ?? null;
  }

  /** The tier of a job's tenant: the identity its handler acts with depends on it. */
  async tenantLevel(db: EntityManager, tenantId: string): Promise<TenantLevel> {
    const [row] = await db.query<{ level: TenantLevel }[]>('SELECT level FROM tenant WHERE id = $1', [
      tenantId,
    ]);
    if (!row) throw new Error(`tenant ${tenantId} missing`);
    return row.level;
  }
}
