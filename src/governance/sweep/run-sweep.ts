import type { KeyRecord } from "../../moltbook/types.js";
import { collectIncidents } from "../dashboard/collect-incidents.js";
import { syncDashboard } from "../dashboard/sync-dashboard.js";
import type { GovernanceDeps } from "../governance-deps.js";
import { evaluateKey } from "../policy/evaluate-key.js";
import { mapKeyToRepo } from "../policy/map-key-to-repo.js";
import { GOVERNANCE_KINDS, type GovernanceKind, type KeyEvaluation } from "../policy/types.js";
import { renderDashboard } from "../render/render-dashboard.js";
import { renderKeyIssue } from "../render/render-key-issue.js";
import { isInstallationSnoozeRow, installationSnoozedUntil } from "./installation-snooze.js";
import { IssueWriter } from "./issue-writer.js";
import { adoptAll, dashboardKey, knownFromRow } from "./known-issues.js";
import { findInstalled, listInstalledRepos } from "./list-installed-repos.js";
import { loadGovernanceSettings, type GovernanceSettings } from "./load-governance-settings.js";
import { OwnIssueFinder } from "./own-issue-finder.js";
import { readInventory } from "./read-inventory.js";
import { fromStoreKind, issueObjectKey } from "./store-kind.js";
import { acquireSweepLease } from "./sweep-lease.js";
import { syncKeyIssue, type KnownIssue, type SyncOutcome } from "./sync-key-issue.js";

export interface SweepSummary {
  outcome: "done" | "busy" | "skipped";
  keys: number;
  /** Issue actions taken, by kind of action. */
  actions: Partial<Record<SyncOutcome, number>>;
  dashboard: "created" | "updated" | "unchanged" | "off" | "no access";
  settings?: GovernanceSettings;
}

/**
 * One governance sweep of an installation: read the whole inventory, evaluate every key, bring each
 * key's issues in line (create, update only on change, close, reopen), then the dashboard. Holds a
 * store lease throughout, so only one instance sweeps an installation at a time ("busy" otherwise).
 * Every write is keyed and idempotent, so a sweep that died part-way is simply finished by the next.
 * Failed writes do not stop the others; the sweep then throws so its job retries.
 */
export async function runSweep(deps: GovernanceDeps, installationId: number): Promise<SweepSummary> {
  const lease = await acquireSweepLease(deps.store, installationId, deps.holder);
  if (!lease) return { outcome: "busy", keys: 0, actions: {}, dashboard: "unchanged" };
  try {
    return await sweep(deps, installationId, () => lease.held);
  } finally {
    await lease.release();
  }
}

async function sweep(
  deps: GovernanceDeps,
  installationId: number,
  held: () => boolean,
): Promise<SweepSummary> {
  const { store } = deps;
  const log = deps.log.child({ installation: installationId });
  const octokit = await deps.octokitFor(installationId);
  const installed = await listInstalledRepos(octokit);
  const account = (await store.getInstallation(installationId))?.accountLogin ?? ownerOf(installed);
  if (!account) {
    log.debug("governance sweep skipped: the installation covers no repository and its account is unknown");
    return { outcome: "skipped", keys: 0, actions: {}, dashboard: "off" };
  }
  const settings = await loadGovernanceSettings(octokit, account);
  for (const error of settings.configErrors) log.warn({ account }, error);
  const { policy } = settings;
  const governanceRepo = findInstalled(installed, settings.governanceRepo);
  if (!governanceRepo) {
    log.warn(
      { repo: settings.governanceRepo },
      `The governance repository ${settings.governanceRepo} is not covered by the installation (governance sweep). To resolve, create it and install Moltbook Guard on it, or set governance.repo; meanwhile only keys whose project has the app get issues, and there is no dashboard.`,
    );
  }
  const now = new Date(deps.now());
  const inventory = await readInventory(deps.moltbook, account);
  const evaluations = inventory.map((key) => evaluateKey(key, policy, now));

  const rows = (await store.listGovernanceIssues(installationId)).filter((r) => !isInstallationSnoozeRow(r));
  const known = new Map<string, KnownIssue>();
  for (const row of rows) {
    const kind = fromStoreKind(row.kind);
    if (kind) known.set(issueObjectKey(row.keyId, kind), knownFromRow(row));
  }
  const snoozedUntil = await installationSnoozedUntil(store, installationId);
  const installationSnoozed = snoozedUntil !== null && snoozedUntil > now;
  const finder = new OwnIssueFinder(octokit, policy.labels.app);
  const ctx = {
    store,
    holder: deps.holder,
    installationId,
    writer: new IssueWriter(octokit),
    finder,
    labels: policy.labels,
    inventory,
  };
  if (rows.length === 0) await adoptAll(finder, known, installed, inventory, governanceRepo, policy.labels);

  const actions: Partial<Record<SyncOutcome, number>> = {};
  const failures: string[] = [];
  const seen = new Set<string>();
  const run = async (
    keyId: string,
    kind: GovernanceKind,
    key: KeyRecord | null,
    evaluation: KeyEvaluation | null,
  ) => {
    if (!held())
      throw new Error(
        `Lost the sweep lease of installation ${installationId} (governance sweep). To resolve, nothing: another instance finishes the sweep.`,
      );
    const id = issueObjectKey(keyId, kind);
    seen.add(id);
    const finding = evaluation?.findings.find((f) => f.kind === kind) ?? null;
    const current = known.get(id) ?? null;
    let wanted = null;
    if (key && finding) {
      const mapping = mapKeyToRepo(key, installed, governanceRepo ?? settings.governanceRepo);
      // An issue stays where it was filed, even if the key's project changed since.
      const target = current ? { ...mapping, repo: current.repo } : mapping;
      if (target.via === "governance" && !governanceRepo && !current) return;
      wanted = {
        finding,
        mapping: target,
        rendered: renderKeyIssue(key, finding, {
          policy,
          mapping: target,
          governanceRepo: settings.governanceRepo,
          now,
        }),
      };
    }
    const snoozed = installationSnoozed || (current?.snoozedUntil != null && current.snoozedUntil > now);
    try {
      const { outcome, issue } = await syncKeyIssue(ctx, {
        keyId,
        kind,
        key,
        wanted,
        known: current,
        snoozed,
      });
      actions[outcome] = (actions[outcome] ?? 0) + 1;
      if (issue) known.set(id, issue);
    } catch (error) {
      failures.push(`${id}: ${error instanceof Error ? error.message : String(error)}`);
      log.error(
        { err: error, key: keyId, kind },
        "governance issue could not be written; the sweep will retry",
      );
    }
  };
  for (const evaluation of evaluations) {
    for (const kind of GOVERNANCE_KINDS) await run(evaluation.key.id, kind, evaluation.key, evaluation);
  }
  // Issues of keys that left the inventory (or this installation's scope) close as "removed".
  for (const [id, issue] of known) {
    if (seen.has(id) || issue.state !== "open") continue;
    const [keyId, kind] = splitId(id);
    await run(keyId, kind, null, null);
  }

  let dashboard: SweepSummary["dashboard"] = "off";
  if (policy.governance.dashboard && governanceRepo) {
    const rendered = renderDashboard({
      org: account,
      repo: governanceRepo,
      keys: evaluations.map((e) => ({
        ...dashboardKey(e, known, now),
        ownKey: e.key.fingerprint === deps.moltbook.adminFingerprint,
      })),
      incidents: await collectIncidents(store, installationId),
      policy,
      now,
      snoozedUntil: installationSnoozed ? snoozedUntil.toISOString() : null,
    });
    try {
      dashboard = await syncDashboard(
        octokit,
        store,
        deps.holder,
        { installationId, repo: governanceRepo },
        rendered,
        finder,
      );
    } catch (error) {
      failures.push(`dashboard: ${error instanceof Error ? error.message : String(error)}`);
      log.error({ err: error }, "governance dashboard could not be written; the sweep will retry");
    }
  } else if (policy.governance.dashboard) {
    dashboard = "no access";
  }
  if (failures.length > 0) {
    throw new Error(
      `${failures.length} governance write(s) failed (installation ${installationId}: ${failures.slice(0, 3).join("; ")}). To resolve, check the app's access to those repositories; the sweep retries and redoes only what is missing.`,
    );
  }
  await store.markInstallationSwept(installationId, now);
  log.info({ keys: inventory.length, actions, dashboard }, "governance sweep done");
  return { outcome: "done", keys: inventory.length, actions, dashboard, settings };
}

function ownerOf(installed: ReadonlySet<string>): string | null {
  const first = installed.values().next().value;
  return first ? first.slice(0, first.indexOf("/")) : null;
}

function splitId(id: string): [string, GovernanceKind] {
  const at = id.lastIndexOf(":");
  return [id.slice(0, at), id.slice(at + 1) as GovernanceKind];
}
