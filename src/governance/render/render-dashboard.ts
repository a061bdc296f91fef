import { escapeMarkdown } from "../../report/markdown.js";
import type { GovernancePolicy, KeyEvaluation, KeyState } from "../policy/types.js";
import { KEY_STATES } from "../policy/types.js";
import type { RenderedIssue } from "./rendered-issue.js";
import {
  DASHBOARD_MARKER,
  LAST_SWEEP_END,
  LAST_SWEEP_START,
  SWEEP_NOW,
  UNSNOOZE,
  snoozeMarker,
} from "./dashboard-markers.js";
import { dashboardLabels } from "./issue-labels.js";
import { formatDate, formatDateTime } from "./format-date.js";
import { renderDashboardKeyLine, type IssueRef } from "./render-dashboard-key-line.js";

export interface DashboardKey {
  evaluation: KeyEvaluation;
  /** The key's open per-key issues. */
  issues: IssueRef[];
  snoozedUntil?: string | null;
  /** The app's own governance key: listed without a "revoke now" box. */
  ownKey?: boolean;
}

export interface IncidentRef {
  repo: string;
  /** The incident's issue or pull request; null when it has no thread (yet). */
  number: number | null;
  title: string;
}

export interface DashboardView {
  org: string;
  /** `owner/repo` holding the dashboard; issue links in it render as `#N`. */
  repo: string;
  keys: DashboardKey[];
  /** Open leak incidents across the installation. */
  incidents: IncidentRef[];
  policy: GovernancePolicy;
  /** The sweep's time: shown inside the last-sweep markers, and used for coarse ages only. */
  now: Date;
  /** Installation-wide snooze of new governance issues, or null. */
  snoozedUntil: string | null;
}

export const SNOOZE_DAYS = 7;
/** GitHub refuses issue bodies over 65,536 characters; keep room for ticks and edits. */
export const DASHBOARD_MAX_CHARS = 60_000;
/** Room for the "and N more" line. */
const TAIL_RESERVE = 200;

const HEADING: Record<KeyState, string> = {
  expired: "Expired but still active",
  overdue: "Rotation overdue",
  due_soon: "Rotation due soon",
  over_privileged: "Over-privileged",
  healthy: "Healthy",
  revoked: "Revoked or no longer working",
};

/** Long, calm groups fold away so the urgent ones stay on screen. */
const FOLDED: ReadonlySet<KeyState> = new Set(["healthy", "revoked"]);

/**
 * The governance dashboard: one issue per installation, every key grouped by state, counts at the
 * top, open leak incidents, and checkboxes that act when ticked (revoke now, sweep now, snooze).
 * Everything but the last sweep time is deterministic; `dashboardNeedsUpdate` ignores that line.
 * Past the size limit the least urgent keys are summarised as a count.
 */
export function renderDashboard(view: DashboardView): RenderedIssue {
  const groups = new Map<KeyState, DashboardKey[]>(KEY_STATES.map((s) => [s, []]));
  for (const k of view.keys) groups.get(k.evaluation.state)!.push(k);
  for (const list of groups.values()) list.sort(byNameThenId);

  const head = [
    DASHBOARD_MARKER,
    `This issue lists every Moltbook key of **${escapeMarkdown(view.org)}** and what the governance policy says about it. Moltbook Guard rewrites it after each sweep that changes something.`,
    "",
    `| ${KEY_STATES.map((s) => HEADING[s]).join(" | ")} | Open leak incidents |`,
    `|${"---:|".repeat(KEY_STATES.length + 1)}`,
    `| ${KEY_STATES.map((s) => groups.get(s)!.length).join(" | ")} | ${view.incidents.length} |`,
    "",
    `${LAST_SWEEP_START}Last sweep: ${formatDateTime(view.now.toISOString())}${LAST_SWEEP_END}`,
    "",
    policyLine(view.policy),
    "",
    "## Actions",
    "",
    "Tick a box to act; only people with write access to this repository can.",
    "",
    `- [ ] ${SWEEP_NOW} Sweep now`,
    ...(view.snoozedUntil
      ? [
          `- [ ] ${UNSNOOZE} End the snooze (new governance issues are paused until ${formatDate(view.snoozedUntil)})`,
        ]
      : [`- [ ] ${snoozeMarker(SNOOZE_DAYS)} Snooze new governance issues for ${SNOOZE_DAYS} days`]),
    "",
    `## Open leak incidents (${view.incidents.length})`,
    "",
    ...(view.incidents.length === 0
      ? ["None."]
      : [...view.incidents]
          .sort(byRepoThenNumber)
          .map((i) => `- ${ref(i, view.repo)} ${escapeMarkdown(i.title)}`)),
    "",
    "## Keys",
    "",
    view.keys.length === 0
      ? "No keys in the Moltbook inventory."
      : "Tick a key's box to **revoke it now**. Revocation takes effect at once and cannot be undone.",
    "",
  ];

  const out = [...head];
  let size = out.join("\n").length;
  let left = view.keys.length;
  const ctx = { dashboardRepo: view.repo, policy: view.policy, now: view.now };
  for (const state of KEY_STATES) {
    const list = groups.get(state)!;
    if (list.length === 0) continue;
    const heading = [`### ${HEADING[state]} (${list.length})`, ""];
    const open = FOLDED.has(state)
      ? ["<details>", `<summary>${list.length} ${list.length === 1 ? "key" : "keys"}</summary>`, ""]
      : [];
    const close = FOLDED.has(state) ? ["", "</details>"] : [];
    let budget =
      DASHBOARD_MAX_CHARS - TAIL_RESERVE - size - [...heading, ...open, ...close, ""].join("\n").length;
    if (budget <= 0) break;
    const shown: string[] = [];
    for (const k of list) {
      const line = renderDashboardKeyLine(k.evaluation, k.issues, k.snoozedUntil ?? null, ctx, {
        ownKey: k.ownKey,
      });
      if (line.length + 1 > budget) break;
      shown.push(line);
      budget -= line.length + 1;
    }
    const block = [...heading, ...open, ...shown, ...close, ""];
    out.push(...block);
    size += block.join("\n").length + 1;
    left -= shown.length;
    if (shown.length < list.length) break;
  }
  if (left > 0) {
    out.push(
      `_…and ${left} more keys not shown: the dashboard is at GitHub's size limit. See the per-key issues._`,
      "",
    );
  }
  return {
    title: "Moltbook key governance dashboard",
    body: out.join("\n"),
    labels: dashboardLabels(view.policy.labels),
    assignees: [],
  };
}

function policyLine(p: GovernancePolicy): string {
  const rules: string[] = [];
  if (p.rotation.enabled)
    rules.push(`rotate every ${p.rotation.maxAgeDays} days (warning ${p.rotation.warnDays} days ahead)`);
  if (p.leastPrivilege.enabled) {
    const lp = p.leastPrivilege;
    if (lp.wildcardScopes) rules.push("no `*` or `keys:admin` outside key-management keys");
    if (lp.ipAllowlist) rules.push("an IP allowlist on every key");
    if (lp.expiry) rules.push(`an expiry within ${p.rotation.maxAgeDays} days`);
    if (lp.staleAfterDays) rules.push(`revoke keys unused for ${lp.staleAfterDays} days`);
  }
  if (p.accountability.enabled) rules.push("a purpose, project and owner on every key");
  return rules.length === 0 ? "Policy: every check is switched off." : `Policy: ${rules.join("; ")}.`;
}

function ref(i: IncidentRef, dashboardRepo: string): string {
  if (i.number === null) return i.repo;
  return i.repo.toLowerCase() === dashboardRepo.toLowerCase() ? `#${i.number}` : `${i.repo}#${i.number}`;
}

function byNameThenId(a: DashboardKey, b: DashboardKey): number {
  const x = a.evaluation.key;
  const y = b.evaluation.key;
  return cmp(x.name.toLowerCase(), y.name.toLowerCase()) || cmp(x.id, y.id);
}

function byRepoThenNumber(a: IncidentRef, b: IncidentRef): number {
  return cmp(a.repo, b.repo) || (a.number ?? 0) - (b.number ?? 0) || cmp(a.title, b.title);
}

// Code-unit order, not locale order: the body must not depend on the machine's locale.
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
