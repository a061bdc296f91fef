import { upsertOwnedObject } from "../../act/upsert-owned-object.js";
import type { KeyRecord } from "../../moltbook/types.js";
import type { OwnedObjectRef, Store } from "../../store/index.js";
import { closeReason } from "../policy/close-reason.js";
import type { RepoMapping } from "../policy/map-key-to-repo.js";
import { planIssueAction, type IssueAction } from "../policy/plan-issue-action.js";
import type { GovernanceFinding, GovernanceKind, GovernanceLabels } from "../policy/types.js";
import { issueContentHash } from "../render/issue-content-hash.js";
import { isManagedLabel } from "../render/issue-labels.js";
import { renderCloseComment } from "../render/render-close-comment.js";
import { renderReopenComment } from "../render/render-reopen-comment.js";
import type { RenderedIssue } from "../render/rendered-issue.js";
import type { IssueWriter } from "./issue-writer.js";
import type { FoundIssue, OwnIssueFinder } from "./own-issue-finder.js";
import { issueObjectKey, toStoreKind } from "./store-kind.js";

/** What the app knows of the issue for one key and kind. */
export interface KnownIssue {
  repo: string;
  number: number;
  githubId: number | null;
  state: "open" | "closed";
  /** `issueContentHash` of what was last written; null when unknown. */
  hash: string | null;
  snoozedUntil: Date | null;
  /** False for an issue found on GitHub or in a half-finished write: the store has no row yet. */
  stored: boolean;
}

export interface SyncIssueContext {
  store: Store;
  holder: string;
  installationId: number;
  writer: IssueWriter;
  finder: OwnIssueFinder;
  labels: GovernanceLabels;
  inventory: readonly KeyRecord[];
}

export interface SyncIssueInput {
  keyId: string;
  kind: GovernanceKind;
  /** The key's record; null when it left the inventory. */
  key: KeyRecord | null;
  /** What the policy says now for this kind, with its rendering and target; null: within policy. */
  wanted: { finding: GovernanceFinding; rendered: RenderedIssue; mapping: RepoMapping } | null;
  /** From the store; null when the store has no row. */
  known: KnownIssue | null;
  snoozed: boolean;
}

export type SyncOutcome = IssueAction | "adopted";

/**
 * Brings one key's issue of one kind in line with the policy: create, update when the content
 * changed, reopen, close with a comment, or nothing. An issue the store lost is found again by
 * its marker before anything is created; creation goes through an owned-object claim, so two
 * instances never both create it.
 */
export async function syncKeyIssue(
  ctx: SyncIssueContext,
  input: SyncIssueInput,
): Promise<{ outcome: SyncOutcome; issue: KnownIssue | null }> {
  const desired = input.wanted ? issueContentHash(input.wanted.rendered) : null;
  let known = input.known;
  if (!known && input.wanted) known = await recover(ctx, input);
  const adopted = known !== null && !known.stored;
  const action = planIssueAction(desired, known, { snoozed: input.snoozed });
  const write = writer(ctx, input, known);

  switch (action) {
    case "none":
      if (adopted) await write.save(known!, known!.state, known!.hash);
      return { outcome: adopted ? "adopted" : "none", issue: known };
    case "create": {
      const { mapping, rendered } = input.wanted!;
      const ref = write.ref(mapping.repo);
      const assignees = await ctx.writer.assignable(mapping.repo, rendered.assignees);
      const { outcome, object } = await upsertOwnedObject(ctx.store, ref, ctx.holder, {
        hash: desired!,
        create: () => ctx.writer.create(mapping.repo, { ...issueFields(rendered), assignees }),
        update: async ({ number }) =>
          void (await ctx.writer.update(
            mapping.repo,
            number!,
            await mergedFields(ctx, mapping.repo, number!, rendered),
          )),
      });
      const issue: KnownIssue = {
        repo: mapping.repo,
        number: object.number!,
        githubId: object.githubId,
        state: "open",
        hash: desired,
        snoozedUntil: null,
        stored: true,
      };
      await write.save(issue, "open", desired);
      return { outcome: outcome === "created" ? "create" : outcome === "updated" ? "update" : "none", issue };
    }
    case "update": {
      const fields = await mergedFields(ctx, known!.repo, known!.number, input.wanted!.rendered);
      const { githubId } = await ctx.writer.update(known!.repo, known!.number, fields);
      return { outcome: "update", issue: await write.save({ ...known!, githubId }, known!.state, desired) };
    }
    case "reopen": {
      const { finding, rendered } = input.wanted!;
      const fields =
        known!.hash === desired ? {} : await mergedFields(ctx, known!.repo, known!.number, rendered);
      const { githubId } = await ctx.writer.update(known!.repo, known!.number, {
        ...fields,
        state: "open",
        state_reason: "reopened",
      });
      await ctx.writer.comment(known!.repo, known!.number, renderReopenComment(finding, input.key!));
      return { outcome: "reopen", issue: await write.save({ ...known!, githubId }, "open", desired) };
    }
    case "close": {
      const reason = closeReason(input.key, ctx.inventory);
      const subject = input.key ?? { id: input.keyId };
      // The comment first, as a person would: it explains the close that follows.
      await ctx.writer.comment(known!.repo, known!.number, renderCloseComment(input.kind, reason, subject));
      const { githubId } = await ctx.writer.update(known!.repo, known!.number, {
        state: "closed",
        state_reason: "completed",
      });
      return { outcome: "close", issue: await write.save({ ...known!, githubId }, "closed", known!.hash) };
    }
  }
}

function issueFields(rendered: RenderedIssue): { title: string; body: string; labels: string[] } {
  return { title: rendered.title, body: rendered.body, labels: rendered.labels };
}

/** The rendered title, body and labels, keeping the labels people added to the issue. */
async function mergedFields(ctx: SyncIssueContext, repo: string, number: number, rendered: RenderedIssue) {
  const isManaged = (label: string) => isManagedLabel(label, ctx.labels);
  return {
    ...issueFields(rendered),
    labels: await ctx.writer.keepingOthers(repo, number, rendered.labels, isManaged),
  };
}

/** The issue from a half-finished earlier write (an owned object without its row), or on GitHub. */
async function recover(ctx: SyncIssueContext, input: SyncIssueInput): Promise<KnownIssue | null> {
  const repo = input.wanted!.mapping.repo;
  const owned = await ctx.store.getOwnedObject(writer(ctx, input, null).ref(repo));
  if (owned && owned.number !== null && owned.state !== "creating") {
    return {
      repo,
      number: owned.number,
      githubId: owned.githubId,
      state: owned.state === "closed" ? "closed" : "open",
      hash: owned.contentHash,
      snoozedUntil: null,
      stored: false,
    };
  }
  const found = await ctx.finder.find(repo, input.keyId, input.kind);
  return found ? knownFromGitHub(found, ctx.labels) : null;
}

/** An issue found on GitHub; its hash is rebuilt from what the app manages, so an unchanged one is not rewritten. */
export function knownFromGitHub(found: FoundIssue, labels: GovernanceLabels): KnownIssue {
  return {
    repo: found.repo,
    number: found.number,
    githubId: found.githubId,
    state: found.state,
    hash: issueContentHash({
      title: found.title,
      body: found.body,
      labels: found.labels.filter((l) => isManagedLabel(l, labels)),
    }),
    snoozedUntil: null,
    stored: false,
  };
}

function writer(ctx: SyncIssueContext, input: SyncIssueInput, known: KnownIssue | null) {
  const ref = (repo: string): OwnedObjectRef => ({
    installationId: ctx.installationId,
    repo,
    kind: "governance_issue",
    key: issueObjectKey(input.keyId, input.kind),
  });
  return {
    ref,
    /** Records the issue, one hash for both, where the app looks: the governance row and the owned object. */
    async save(issue: KnownIssue, state: "open" | "closed", hash: string | null): Promise<KnownIssue> {
      await ctx.store.saveGovernanceIssue({
        installationId: ctx.installationId,
        keyId: input.keyId,
        kind: toStoreKind(input.kind),
        repo: issue.repo,
        number: issue.number,
        state,
        contentHash: hash,
      });
      if (issue.githubId !== null) {
        await ctx.store.recordOwnedObject(ref(issue.repo), {
          githubId: issue.githubId,
          number: issue.number,
          contentHash: hash,
          state,
        });
      }
      return { ...issue, state, hash, snoozedUntil: known?.snoozedUntil ?? issue.snoozedUntil, stored: true };
    },
  };
}
