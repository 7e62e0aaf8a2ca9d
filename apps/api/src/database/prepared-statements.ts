import { Client } from 'pg';

/**
 * The runtime pool's connection: it sends each statement as a named prepared statement, so
 * PostgreSQL plans it once per connection instead of on every request. With row-level security on
 * every table a statement touches, planning cost more than running: the register's first page
 * took about 7 ms to plan and 5 ms to run, and preparing it doubled what the benchmark's floor
 * answers. Row-level security is unaffected: policies read the tenant with `current_setting` when
 * the plan runs, and PostgreSQL replans when the role changes.
 *
 * A plan with its policies takes up to a megabyte of the server's memory, so each connection keeps
 * the `limit` statements it used most recently and deallocates the oldest. Names are never reused,
 * so a deallocation that fails (in a transaction already aborted) leaves one statement behind on
 * the server and never a wrong one.
 */
export class PreparingClient extends Client {
  static limit = 64;

  private readonly prepared = new Map<string, string>();
  private named = 0;

  // pg's overloads cannot be restated one by one; the override passes every other form through.
  override query(...args: unknown[]): never {
    const [text, values, callback] = args;
    const send = super.query.bind(this) as (...a: unknown[]) => never;
    if (
      typeof text !== 'string' ||
      typeof values === 'function' ||
      callback !== undefined ||
      !preparable(text)
    ) {
      return send(...args);
    }
    const evicted = this.evictFor(text);
    const config = { name: this.nameFor(text), text, values };
    if (evicted.length === 0) return send(config);
    // The room is made first, one statement after the other (pg 9 will not queue a second query).
    return this.deallocate(evicted).then(() => send(config)) as never;
  }

  /** The oldest names to let go before `text` takes a place, when it is new and the places are full. */
  private evictFor(text: string): string[] {
    if (this.prepared.has(text)) return [];
    const evicted: string[] = [];
    for (const [oldest, name] of this.prepared) {
      if (this.prepared.size - evicted.length < PreparingClient.limit) break;
      this.prepared.delete(oldest);
      evicted.push(name);
    }
    return evicted;
  }

  private nameFor(text: string): string {
    const known = this.prepared.get(text);
    if (known !== undefined) {
      // Most recently used last: the map's first entry is the one to deallocate.
      this.prepared.delete(text);
      this.prepared.set(text, known);
      return known;
    }
    this.named += 1;
    const name = `xm_${this.named}`;
    this.prepared.set(text, name);
    return name;
  }

  private async deallocate(names: string[]): Promise<void> {
    const connection = (this as unknown as { connection: { parsedStatements: Record<string, string> } })
      .connection;
    for (const name of names) {
      await (super.query as (text: string) => Promise<unknown>)(`DEALLOCATE ${name}`).catch(() => undefined);
      // Only now: a query queued before the deallocation still finds its statement parsed.
      delete connection.parsedStatements[name];
    }
  }
}

/**
 * One statement (the extended protocol takes no more), and not transaction control or a setting,
 * which cost nothing to plan and would only take a place among the kept ones.
 */
function preparable(text: string): boolean {
  return (
    !text.includes(';') &&
    !/^\s*(START|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET|RESET|SHOW|DEALLOCATE)\b/i.test(text)
  );
}
