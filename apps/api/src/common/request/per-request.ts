import DataLoader from 'dataloader';
import type { RequestContext } from './request-context';

/**
 * One DataLoader per request and key: lists resolve their rows' relations in a fixed number of
 * statements, whatever the page size. Loaders run in the request's transaction (RLS applies).
 */
export function perRequestLoader<K, V, C = K>(
  ctx: RequestContext,
  key: string,
  batch: (keys: readonly K[]) => Promise<V[]>,
  cacheKeyFn?: (key: K) => C,
): DataLoader<K, V, C> {
  let loader = ctx.loaders.get(key) as DataLoader<K, V, C> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V, C>(batch, { cache: true, cacheKeyFn });
    ctx.loaders.set(key, loader);
  }
  return loader;
}

/** Groups rows by a key, in the order of `keys`, for a DataLoader batch. */
export function groupBy<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return keys.map((k) => groups.get(k) ?? []);
}
