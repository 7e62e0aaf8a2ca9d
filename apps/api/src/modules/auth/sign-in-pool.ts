import type { OnApplicationShutdown } from '@nestjs/common';
import { Pool, type PoolClient } from 'pg';
import { serviceBusy } from '../../common/request/request-transaction';
import { CONNECTION_OPTIONS } from '../../database/connection-options';

/**
 * A small pool of its own for sign-in's counters and account look-up. A refused or failed
 * sign-in must be counted although its request writes nothing else, and must not take a
 * connection of the main pool (which every signed-in reader shares) while its password is
 * checked. Two connections, bounded waits: a storm of sign-ins waits here, never in the main pool.
 */
export class SignInPool implements OnApplicationShutdown {
  static readonly SIZE = 2;
  private readonly pool: Pool;

  constructor(databaseUrl: string, waitMs: number) {
    this.pool = new Pool({
      connectionString: databaseUrl,
      max: SignInPool.SIZE,
      connectionTimeoutMillis: waitMs,
      application_name: 'xiangmeng-sign-in',
      options: CONNECTION_OPTIONS,
    });
    // An idle client that dies is replaced on the next connect; it must not crash the process.
    this.pool.on('error', () => undefined);
  }

  /** Runs `work` in a short transaction of its own, committed when it returns. */
  async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release(error instanceof Error ? error : true);
      throw error;
    }
  }

  async query<R extends object>(sql: string, parameters: unknown[]): Promise<R[]> {
    const client = await this.connect();
    try {
      return (await client.query<R>(sql, parameters)).rows;
    } finally {
      client.release();
    }
  }

  private async connect(): Promise<PoolClient> {
    try {
      return await this.pool.connect();
    } catch (error) {
      if (error instanceof Error && /timeout exceeded when trying to connect/i.test(error.message)) {
        throw serviceBusy();
      }
      throw error;
    }
  }

  onApplicationShutdown(): Promise<void> {
    return this.pool.end();
  }
}
