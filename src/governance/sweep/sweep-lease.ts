import type { Store } from "../../store/index.js";

const TTL_MS = 5 * 60_000;

export interface HeldLease {
  /** False once the lease was lost (renewal failed): the sweep must stop writing. */
  readonly held: boolean;
  release(): Promise<void>;
}

/**
 * The store lease that makes one instance at a time sweep an installation. It is renewed while the
 * sweep runs; if its holder dies, it expires and the next sweep takes over (and, being
 * idempotent, finishes whatever the dead one left).
 */
export async function acquireSweepLease(
  store: Store,
  installationId: number,
  holder: string,
): Promise<HeldLease | null> {
  const name = `governance-sweep:${installationId}`;
  if (!(await store.acquireLease(name, holder, TTL_MS))) return null;
  let held = true;
  const timer = setInterval(() => {
    store.renewLease(name, holder, TTL_MS).then(
      (ok) => void (held &&= ok),
      () => undefined,
    );
  }, TTL_MS / 5);
  timer.unref();
  return {
    get held() {
      return held;
    },
    async release() {
      clearInterval(timer);
      await store.releaseLease(name, holder).catch(() => undefined);
    },
  };
}
