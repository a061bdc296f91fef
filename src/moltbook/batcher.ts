export interface BatcherOptions<I, O> {
  /** How long the first item of a batch waits for company. */
  windowMs: number;
  /** Items per call; a full batch goes at once. */
  maxSize: number;
  /** Identical keys in one batch are sent once and share the result. */
  keyOf: (item: I) => string;
  /** Items share a call only with items of the same group (e.g. the same revocation reason). */
  groupOf?: (item: I) => string;
  /** One call for a batch; results in the order of `items`. */
  run: (items: I[]) => Promise<O[]>;
}

export interface Batcher<I, O> {
  add(item: I): Promise<O>;
  /** Sends every waiting batch now. */
  flush(): void;
}

interface Pending<I, O> {
  items: Map<string, { item: I; waiters: { resolve: (o: O) => void; reject: (e: unknown) => void }[] }>;
  timer: NodeJS.Timeout;
}

/**
 * Coalesces calls made within a few milliseconds of each other into calls of up to `maxSize`
 * items, so a burst of 1,000 leaked keys costs about 10 calls while each caller awaits its own result.
 */
export function createBatcher<I, O>(options: BatcherOptions<I, O>): Batcher<I, O> {
  const open = new Map<string, Pending<I, O>>();

  const send = (group: string): void => {
    const batch = open.get(group);
    if (!batch) return;
    open.delete(group);
    clearTimeout(batch.timer);
    const entries = [...batch.items.values()];
    const settleAll = (fn: (entry: (typeof entries)[number], index: number) => void): void =>
      entries.forEach(fn);
    options.run(entries.map((e) => e.item)).then(
      (results) => {
        if (results.length !== entries.length) {
          const error = new Error(
            `A batched call returned ${results.length} results for ${entries.length} items. To resolve, report this as a bug.`,
          );
          settleAll((e) => e.waiters.forEach((w) => w.reject(error)));
          return;
        }
        settleAll((e, i) => e.waiters.forEach((w) => w.resolve(results[i])));
      },
      (error: unknown) => settleAll((e) => e.waiters.forEach((w) => w.reject(error))),
    );
  };

  return {
    add(item: I): Promise<O> {
      const group = options.groupOf?.(item) ?? "";
      let batch = open.get(group);
      if (!batch) {
        batch = { items: new Map(), timer: setTimeout(() => send(group), options.windowMs) };
        open.set(group, batch);
      }
      const key = options.keyOf(item);
      const promise = new Promise<O>((resolve, reject) => {
        const entry = batch.items.get(key);
        if (entry) entry.waiters.push({ resolve, reject });
        else batch.items.set(key, { item, waiters: [{ resolve, reject }] });
      });
      if (batch.items.size >= options.maxSize) send(group);
      return promise;
    },
    flush(): void {
      for (const group of [...open.keys()]) send(group);
    },
  };
}
