import type { OwnedObject, OwnedObjectRef, Store } from "../store/index.js";

export interface GitHubObjectId {
  githubId: number;
  number?: number | null;
}

export interface OwnedObjectOps {
  /**
   * `contentHash` of what is written, built by the caller because only it knows which parts count
   * (a check run leaves out its timestamp, an issue its assignees): an update with the same hash
   * is skipped (no notification churn).
   */
  hash: string;
  /** Finds the object on GitHub when the store lost it (by its hidden marker). */
  find?: () => Promise<GitHubObjectId | null>;
  create: () => Promise<GitHubObjectId>;
  update: (id: GitHubObjectId) => Promise<void>;
}

export type UpsertOutcome = "created" | "updated" | "unchanged";

/**
 * Creates a GitHub object the app owns exactly once, whoever races for it (two deliveries, two
 * instances), and afterwards edits it in place only when its content changed.
 */
export async function upsertOwnedObject(
  store: Store,
  ref: OwnedObjectRef,
  holder: string,
  ops: OwnedObjectOps,
): Promise<{ outcome: UpsertOutcome; object: OwnedObject }> {
  const { hash } = ops;
  for (let attempt = 0; attempt < 3; attempt++) {
    let existing = await store.getOwnedObject(ref);
    if (!existing) {
      const claim = await store.claimOwnedObject(ref, holder);
      if (claim.claimed)
        return { outcome: "created", object: await createClaimed(store, ref, holder, ops, hash) };
      existing = claim.object;
    }
    if (existing.state === "creating") existing = await store.waitForOwnedObject(ref);
    if (!existing || existing.state === "creating" || existing.githubId === null) continue;
    if (existing.contentHash === hash) return { outcome: "unchanged", object: existing };
    const id = { githubId: existing.githubId, number: existing.number };
    await ops.update(id);
    const object = await store.recordOwnedObject(ref, { ...id, contentHash: hash, state: "open" });
    return { outcome: "updated", object };
  }
  throw new Error(
    `Could not create or update ${ref.kind} ${ref.key} in ${ref.repo}: another worker holds it and does not finish. To resolve, check the other instances' logs; the job will retry.`,
  );
}

async function createClaimed(
  store: Store,
  ref: OwnedObjectRef,
  holder: string,
  ops: OwnedObjectOps,
  hash: string,
): Promise<OwnedObject> {
  try {
    const found = ops.find ? await ops.find() : null;
    if (found) await ops.update(found);
    const id = found ?? (await ops.create());
    return await store.recordOwnedObject(ref, { ...id, contentHash: hash, state: "open" });
  } catch (error) {
    await store.releaseOwnedObject(ref, holder).catch(() => undefined);
    throw error;
  }
}
