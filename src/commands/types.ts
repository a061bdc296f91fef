export const COMMAND_PREFIX = "/moltbook-guard";
export const MAX_SNOOZE_DAYS = 90;

export type CommandName = "help" | "sweep" | "rescan" | "revoke" | "snooze" | "ignore";
export const COMMAND_NAMES: readonly CommandName[] = [
  "help",
  "sweep",
  "rescan",
  "revoke",
  "snooze",
  "ignore",
];

type NoArgs = Record<string, never>;

export type Command =
  | { name: "help"; args: NoArgs }
  | { name: "sweep"; args: NoArgs }
  | { name: "rescan"; args: NoArgs }
  | { name: "revoke"; args: NoArgs }
  | { name: "snooze"; args: { duration: string; durationMs: number; reason: string | null } }
  | { name: "ignore"; args: { reason: string } };

/** A command, a reason it could not be read (actionable, safe to post), or null for no command. */
export type CommandParseResult = Command | { error: string } | null;

/** Where a comment was written, as far as commands care. */
export type CommandPlace = "pull_request" | "incident" | "governance_issue" | "dashboard";
