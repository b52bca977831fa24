import DataLoader from 'dataloader';

export interface LoaderRequest {
  loaders?: Map<string, DataLoader<unknown, unknown>>;
}

/**
 * A DataLoader that lives as long as one request: batching the reads of one request,
 * never sharing cached rows between users or tenants. Name it with the collaboration id
 * when its rows belong to a tenant.
 */
export function requestLoader<K, V>(
  request: LoaderRequest,
  name: string,
  batch: (keys: readonly K[]) => Promise<readonly (V | Error)[]>,
): DataLoader<K, V> {
  const loaders = (request.loaders ??= new Map());
  let loader = loaders.get(name) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(batch);
    loaders.set(name, loader as DataLoader<unknown, unknown>);
  }
  return loader;
}

/** Orders rows by the keys a DataLoader asked for (missing ones become null). */
export function byKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const index = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => index.get(key) ?? null);
}

/** Groups rows by the keys a DataLoader asked for (a key with no rows gets []). */
export function groupedByKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}
