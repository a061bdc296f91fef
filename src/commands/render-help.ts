import { COMMAND_SPECS } from "./command-specs.js";
import { COMMAND_NAMES, COMMAND_PREFIX } from "./types.js";

const PLACE = {
  pull_request: "pull requests",
  incident: "leak incidents",
  governance_issue: "governance issues",
  dashboard: "dashboard",
} as const;

/**
 * The command reference. Every command sits in inline code, so no line of this reply starts with
 * `/moltbook-guard` and the app can never read its own help as a command.
 */
export function renderHelp(): string {
  const rows = COMMAND_NAMES.map((name) => {
    const spec = COMMAND_SPECS[name];
    return `| \`${COMMAND_PREFIX} ${spec.usage}\` | ${spec.summary} | ${spec.places.map((p) => PLACE[p]).join(", ")} |`;
  });
  return [
    "**Moltbook Guard commands.** Comment one on a line of its own; only people with write access to this repository can run them.",
    "",
    "| Command | What it does | Where |",
    "|---|---|---|",
    ...rows,
    "",
    "Durations: `12h`, `7d`, `2w`. Commands inside code blocks or quotes are ignored.",
  ].join("\n");
}
