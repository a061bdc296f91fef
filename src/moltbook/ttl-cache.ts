export interface TtlCache<V> {
  /** The cached value for `key`, or the result of `load` (shared by concurrent callers, cached on success). */
  get(key: string, load: () => Promise<V>): Promise<V>;
  delete(key: string): void;
}

/** A small cache with expiry and a size cap; concurrent misses for one key load once. */
export function createTtlCache<V>(ttlMs: number, maxEntries: number): TtlCache<V> {
  const values = new Map<string, { value: V; expires: number }>();
  const loading = new Map<string, Promise<V>>();
  return {
    get(key, load) {
      const hit = values.get(key);
      if (hit && hit.expires > Date.now()) return Promise.resolve(hit.value);
      values.delete(key);
      const running = loading.get(key);
      if (running) return running;
      const promise = load()
        .then((value) => {
          if (values.size >= maxEntries) values.delete(values.keys().next().value as string);
          values.set(key, { value, expires: Date.now() + ttlMs });
          return value;
        })
        .finally(() => loading.delete(key));
      loading.set(key, promise);
      return promise;
    },
    delete(key) {
      values.delete(key);
    },
  };
}
