import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { AppError } from '../errors/app-error';

type Query = (...args: unknown[]) => Promise<unknown>;

/** How long a request waits for a pooled connection before it is told to retry. */
export const RETRY_AFTER_SECONDS = 2;

/** The request ended (client gone, response sent) before or while its transaction was wanted. */
export class RequestEndedError extends Error {
  constructor() {
    super('the request ended; its transaction is closed');
  }
}

/**
 * A request's one transaction on one pooled connection, taken only when the first statement
 * needs it: a request that never reaches the database (a refused sign-in, a body still being
 * read) holds no connection. Statements run one at a time, in order. Waiting for a connection
 * is bounded by the pool's `connectionTimeoutMillis`, and a full pool answers SERVICE_BUSY.
 */
export class RequestTransaction {
  private readonly runner: QueryRunner;
  private readonly query: Query;
  private opening: Promise<unknown> | null = null;
  private finished = false;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly undo: (() => Promise<void>)[] = [];

  constructor(
    dataSource: DataSource,
    /** Statements that start every transaction of this request, such as setting its identity. */
    private readonly prologue: ((db: EntityManager) => Promise<void>) | null = null,
  ) {
    this.runner = dataSource.createQueryRunner();
    this.query = this.runner.query.bind(this.runner) as Query;
    // TypeORM starts a transaction of its own (save, remove) unless one is active; ours opens
    // with the first statement, so it must never try.
    Object.assign(this.runner, { isTransactionActive: true, transactionDepth: 1 });
    (this.runner as unknown as { query: Query }).query = (...args) => this.run(args);
  }

  get manager(): EntityManager {
    return this.runner.manager;
  }

  /** Whether a connection was ever taken (for tests and the pool's accounting). */
  get opened(): boolean {
    return this.opening !== null;
  }

  private run(args: unknown[]): Promise<unknown> {
    if (this.finished) return Promise.reject(new RequestEndedError());
    const ordered = this.tail.then(() => this.open()).then(() => this.query(...args));
    this.tail = ordered.catch(() => undefined);
    return ordered;
  }

  private open(): Promise<unknown> {
    this.opening ??= this.begin(null);
    return this.opening;
  }

  /**
   * Opens the transaction with `sql` sent together with START TRANSACTION, one round trip for
   * both, and answers its rows: for the statement every request starts with (its session). The
   * message is simple-protocol, so `sql` takes no parameters: what it holds must be safe literals.
   */
  openWith<T>(sql: string): Promise<T[]> {
    if (this.finished) return Promise.reject(new RequestEndedError());
    if (this.opening) return Promise.reject(new Error('openWith must be the transaction\'s first statement'));
    const opened = this.begin(sql);
    this.opening = opened;
    this.tail = opened.catch(() => undefined);
    return opened as Promise<T[]>;
  }

  private async begin(first: string | null): Promise<unknown[]> {
    try {
      await this.runner.connect();
    } catch (error) {
      throw isPoolTimeout(error) ? serviceBusy() : error;
    }
    // Ended while waiting for the connection (the client went away): give it straight back.
    if (this.finished) throw new RequestEndedError();
    let rows: unknown[] = [];
    if (first === null) await this.query('START TRANSACTION');
    else rows = await this.startWith(first);
    if (this.prologue) await this.prologue(this.statementsOfPrologue());
    return rows;
  }

  private async startWith(sql: string): Promise<unknown[]> {
    const text = `START TRANSACTION;\n${sql}`;
    const runner = this.runner as unknown as {
      databaseConnection: { query(text: string): Promise<{ rows: unknown[] }[]> };
    };
    // The data source's logger sees it as every other statement (one round trip, one entry).
    this.runner.connection.logger.logQuery(text, [], this.runner);
    try {
      const results = await runner.databaseConnection.query(text);
      return results[1]?.rows ?? [];
    } catch (error) {
      this.runner.connection.logger.logQueryError(error as Error, text, [], this.runner);
      throw error;
    }
  }

  // The prologue runs inside `begin`, before any queued statement: its queries go straight to
  // the connection instead of waiting for the open that is running them.
  private statementsOfPrologue(): EntityManager {
    const manager = Object.create(this.runner.manager) as EntityManager;
    (manager as { query: EntityManager['query'] }).query = ((sql: string, parameters?: unknown[]) =>
      this.query(sql, parameters)) as EntityManager['query'];
    return manager;
  }

  /** Work outside the database (a stored file) to undo when this transaction does not commit. */
  onRollback(undo: () => Promise<void>): void {
    this.undo.push(undo);
  }

  /**
   * Commits or rolls back, then gives the connection back. Safe to call more than once and at any
   * moment: while the connection is still awaited, it is released as soon as it arrives.
   */
  async finish(commit: boolean): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    let broken: unknown = null;
    if (this.opening) {
      try {
        await this.opening;
        await this.tail;
        await this.query(commit ? 'COMMIT' : 'ROLLBACK');
      } catch (error) {
        broken = error;
      } finally {
        await this.releaseWhenConnected(broken);
      }
    } else {
      await this.runner.release();
    }
    if (!commit || broken) await this.undoAll();
    if (
      broken instanceof Error &&
      commit &&
      !(broken instanceof RequestEndedError) &&
      !(broken instanceof AppError)
    ) {
      throw broken;
    }
  }

  private async undoAll(): Promise<void> {
    for (const undo of this.undo.splice(0)) {
      await undo().catch((error: unknown) => console.error('[request] undo after rollback failed', error));
    }
  }

  private async releaseWhenConnected(error: unknown): Promise<void> {
    const runner = this.runner as unknown as {
      databaseConnectionPromise?: Promise<unknown>;
      releasePostgresConnection(err?: unknown): Promise<void>;
    };
    // A connection still on its way would be handed over after release and never returned.
    await runner.databaseConnectionPromise?.catch(() => undefined);
    // A connection whose COMMIT or ROLLBACK failed may be broken: the pool drops it.
    const suspect = error && !(error instanceof AppError) && !(error instanceof RequestEndedError);
    await runner.releasePostgresConnection(suspect ? error : undefined);
  }
}

/** A full pool: GraphQL answers 503 with the code, REST 503; both say when to retry. */
export function serviceBusy(): AppError {
  const error = new AppError('SERVICE_BUSY', { retryAfterSeconds: RETRY_AFTER_SECONDS });
  error.extensions.http = { status: 503, headers: new Map([['retry-after', String(RETRY_AFTER_SECONDS)]]) };
  return error;
}

function isPoolTimeout(error: unknown): boolean {
  return error instanceof Error && /timeout exceeded when trying to connect/i.test(error.message);
}
