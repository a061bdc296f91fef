import { afterEach, describe, expect, it } from "vitest";
import type { RepoMapping } from "../../../src/governance/policy/map-key-to-repo.js";
import { DEFAULT_GOVERNANCE_POLICY, type GovernanceFinding } from "../../../src/governance/policy/types.js";
import { issueContentHash } from "../../../src/governance/render/issue-content-hash.js";
import type { IssueWriter } from "../../../src/governance/sweep/issue-writer.js";
import type { OwnIssueFinder } from "../../../src/governance/sweep/own-issue-finder.js";
import { syncKeyIssue, type SyncIssueContext } from "../../../src/governance/sweep/sync-key-issue.js";
import { openStore, type Store } from "../../../src/store/index.js";

const REPO = "acme/api";
const rendered = {
  title: "Key rotation overdue",
  body: "marker\r\nfacts",
  labels: ["b", "a"],
  assignees: [],
};
const finding = { kind: "rotation" } as GovernanceFinding;
const mapping = { repo: REPO } as RepoMapping;
const ref = { installationId: 1, repo: REPO, kind: "governance_issue" as const, key: "key_1:rotation" };

let store: Store | undefined;
afterEach(() => store?.close());

/** A writer that records its calls; the finder finds nothing (the store still has the owned object). */
function context(opened: Store, calls: string[]): SyncIssueContext {
  const writer = {
    assignable: async () => [],
    create: async () => (calls.push("create"), { githubId: 99, number: 7 }),
    update: async () => (calls.push("update"), { githubId: 99 }),
    comment: async () => void calls.push("comment"),
    keepingOthers: async (_repo: string, _number: number, wanted: string[]) => wanted,
  } as unknown as IssueWriter;
  const finder = { find: async () => null } as unknown as OwnIssueFinder;
  const labels = DEFAULT_GOVERNANCE_POLICY.labels;
  return { store: opened, holder: "w", installationId: 1, writer, finder, labels, inventory: [] };
}

const sync = (ctx: SyncIssueContext) =>
  syncKeyIssue(ctx, {
    keyId: "key_1",
    kind: "rotation",
    key: null,
    wanted: { finding, rendered, mapping },
    known: null,
    snoozed: false,
  });

describe("syncKeyIssue after a half-finished write (owned object, no governance row)", () => {
  it("adopts an issue whose owned object holds the issue's hash, writing nothing", async () => {
    store = await openStore(":memory:");
    await store.recordOwnedObject(ref, { githubId: 99, number: 7, contentHash: issueContentHash(rendered) });
    const calls: string[] = [];
    const { outcome } = await sync(context(store, calls));
    expect(outcome).toBe("adopted");
    expect(calls).toEqual([]);
    const [row] = await store.listGovernanceIssues(1);
    expect(row.contentHash).toBe(issueContentHash(rendered));
  });

  it("rewrites once when the hash is unknown (migration 4 nulls old ones), then keeps one hash", async () => {
    store = await openStore(":memory:");
    await store.recordOwnedObject(ref, { githubId: 99, number: 7, contentHash: null });
    const calls: string[] = [];
    expect((await sync(context(store, calls))).outcome).toBe("update");
    expect(calls).toEqual(["update"]);
    const [row] = await store.listGovernanceIssues(1);
    expect(row.contentHash).toBe(issueContentHash(rendered));
    expect((await store.getOwnedObject(ref))?.contentHash).toBe(issueContentHash(rendered));
  });
});
