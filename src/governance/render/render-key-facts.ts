import type { KeyRecord } from "../../moltbook/types.js";
import { escapeMarkdown, inlineCode, tableCell } from "../../report/markdown.js";
import type { GovernancePolicy } from "../policy/types.js";
import { ageBucket } from "./age-bucket.js";
import { describeLastUsed } from "./describe-last-used.js";
import { describeOwner } from "./describe-owner.js";
import { formatDate } from "./format-date.js";

/** The key at a glance, as a two-column table. Never the key itself: its prefix only. */
export function renderKeyFacts(key: KeyRecord, policy: GovernancePolicy, now: Date): string {
  const age = ageBucket(key.created_at, now);
  const rows: Array<[string, string]> = [
    [
      "Key",
      `**${escapeMarkdown(key.name) || "unnamed"}** ${inlineCode(`${key.prefix}…`)} (id ${inlineCode(key.id)})`,
    ],
    ["Owner", describeOwner(key.owner)],
    ["Purpose", key.purpose?.trim() ? escapeMarkdown(key.purpose) : "_not recorded_"],
    ["Project", key.project?.trim() ? inlineCode(key.project) : "_not recorded_"],
    ["Created", age ? `${formatDate(key.created_at)} (${age})` : formatDate(key.created_at)],
    ["Expires", key.expires_at ? formatDate(key.expires_at) : "never"],
    ["Scopes", list(key.scopes, "_none_")],
    ["IP allowlist", list(key.ip_allowlist, "_none: the key works from any address_")],
    ["Last used", describeLastUsed(key, policy.leastPrivilege.staleAfterDays || 30, now)],
  ];
  if (key.parent_id) rows.push(["Parent key", `id ${inlineCode(key.parent_id)}`]);
  // Code spans (project, scopes, addresses from Moltbook) need their pipes escaped in a table too.
  return ["| | |", "|---|---|", ...rows.map(([k, v]) => `| ${k} | ${tableCell(v)} |`)].join("\n");
}

function list(items: string[], empty: string): string {
  return items.length === 0 ? empty : items.map((i) => inlineCode(i)).join(", ");
}
