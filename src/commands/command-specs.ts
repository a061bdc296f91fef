import type { CommandName, CommandPlace } from "./types.js";

export interface CommandSpec {
  usage: string;
  summary: string;
  places: readonly CommandPlace[];
}

const EVERYWHERE: readonly CommandPlace[] = ["pull_request", "incident", "governance_issue", "dashboard"];

/** What each command does and where it makes sense; the help text and availability share it. */
export const COMMAND_SPECS: Readonly<Record<CommandName, CommandSpec>> = {
  help: { usage: "help", summary: "Shows this list.", places: EVERYWHERE },
  sweep: {
    usage: "sweep",
    summary:
      "Checks every Moltbook key against the governance policy now, instead of at the next scheduled sweep.",
    places: ["governance_issue", "dashboard"],
  },
  rescan: {
    usage: "rescan",
    summary: "Scans this pull request, or the commits of this incident, for leaked keys again.",
    places: ["pull_request", "incident"],
  },
  revoke: {
    usage: "revoke",
    summary:
      "Revokes the key this thread is about: a leaked key when automatic revocation is off, or the key of a governance issue.",
    places: ["pull_request", "incident", "governance_issue"],
  },
  snooze: {
    usage: "snooze <duration> [reason]",
    summary:
      "Pauses this issue (or, on the dashboard, new governance issues) for 12h, 7d, 2w… at most 90 days.",
    places: ["governance_issue", "dashboard"],
  },
  ignore: {
    usage: "ignore <reason>",
    summary:
      "Marks this leak as not a live key (a test fixture, an accepted risk). The reason is required and recorded.",
    places: ["pull_request", "incident"],
  },
};
