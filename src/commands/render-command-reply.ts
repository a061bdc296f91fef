import type { RevokeOutcome } from "../moltbook/types.js";
import { formatDateTime } from "../governance/render/format-date.js";
import { escapeMarkdown, inlineCode } from "../report/markdown.js";
import { mention } from "./mention.js";
import { renderHelp } from "./render-help.js";
import { renderRefusal } from "./render-refusal.js";
import { COMMAND_PREFIX, type CommandName } from "./types.js";

export type CommandReply =
  | { outcome: "help" }
  /** Someone without write access: the polite no. */
  | { outcome: "refused"; login: string }
  /** The parse error from `parseCommand`, already actionable. */
  | { outcome: "invalid"; login: string; error: string }
  /** The command does not apply here (`commandAvailability`). */
  | { outcome: "unavailable"; login: string; command: CommandName; reason: string }
  | { outcome: "sweep_started"; login: string }
  | { outcome: "rescan_started"; login: string }
  /** `label` is a redacted key or a key prefix; never the key. */
  | { outcome: "revoked"; login: string; keys: Array<{ label: string; outcome: RevokeOutcome }> }
  | { outcome: "snoozed"; login: string; until: string; reason: string | null }
  | { outcome: "ignored"; login: string; reason: string }
  /** An actionable error with no key in it. */
  | { outcome: "failed"; login: string; command: CommandName; error: string };

const REVOKE: Record<RevokeOutcome, string> = {
  revoked: "revoked; it stopped working at once",
  already_revoked: "was already revoked",
  not_found: "is not in this organisation's Moltbook inventory, so it could not be revoked here",
  forbidden: "could not be revoked: the app's Moltbook key lacks `keys:revoke` for it. Revoke it in Moltbook",
};

/** The app's answer to a command, addressed to whoever ran it. */
export function renderCommandReply(reply: CommandReply): string {
  if (reply.outcome === "help") return renderHelp();
  if (reply.outcome === "refused") return renderRefusal(reply.login);
  const who = mention(reply.login);
  switch (reply.outcome) {
    case "invalid":
      return `${who}, I could not read that command. ${reply.error}`;
    case "unavailable":
      return `${who}, \`${COMMAND_PREFIX} ${reply.command}\` does nothing here: ${reply.reason}. See \`${COMMAND_PREFIX} help\`.`;
    case "sweep_started":
      return `${who}, a governance sweep has started. Issues and the dashboard update when it finishes.`;
    case "rescan_started":
      return `${who}, a rescan has started. Its results appear here when it finishes.`;
    case "revoked":
      return [
        `${who}, revocation done:`,
        "",
        ...reply.keys.map((k) => `- ${inlineCode(k.label)} ${REVOKE[k.outcome]}.`),
      ].join("\n");
    case "snoozed":
      return (
        `${who}, snoozed until ${formatDateTime(reply.until)}` +
        (reply.reason ? ` (reason: ${escapeMarkdown(reply.reason)})` : "") +
        ". Moltbook Guard leaves it alone until then."
      );
    case "ignored":
      return `${who}, this leak is marked as ignored, with the reason: ${escapeMarkdown(reply.reason)}. It is recorded with the incident.`;
    case "failed":
      return `${who}, \`${COMMAND_PREFIX} ${reply.command}\` failed. ${reply.error}`;
  }
}
