import { redactKeys } from "../detect/index.js";
import { inlineCode } from "../report/markdown.js";
import { findCommandLine } from "./find-command-line.js";
import { parseDuration } from "./parse-duration.js";
import { sanitizeReason } from "./sanitize-reason.js";
import {
  COMMAND_NAMES,
  COMMAND_PREFIX,
  MAX_SNOOZE_DAYS,
  type CommandName,
  type CommandParseResult,
} from "./types.js";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * The command in a comment: the first line starting with `/moltbook-guard` (outside code and
 * quotes). A bare `/moltbook-guard` means help. Commands without arguments refuse extra words, so
 * `revoke this one too` is never half-understood. Errors quote the input safely and say how to
 * fix it; they are meant to be posted back as they are.
 */
export function parseCommand(commentBody: string | null | undefined): CommandParseResult {
  if (!commentBody) return null;
  const line = findCommandLine(commentBody);
  if (line === null) return null;
  if (line === "") return { name: "help", args: {} };
  const [word] = line.split(/\s/, 1);
  const name = word.toLowerCase();
  const rest = line.slice(word.length).trim();
  // Redacted before it is cut: a key cut short would no longer look like one.
  const where = `in ${inlineCode(redactKeys(`${COMMAND_PREFIX} ${line}`).slice(0, 120))}`;

  if (!isCommandName(name)) {
    return {
      error: `Unknown command ${inlineCode(word)} (${where}). To resolve, use one of ${COMMAND_NAMES.map((n) => inlineCode(n)).join(", ")}; ${inlineCode(`${COMMAND_PREFIX} help`)} explains them.`,
    };
  }
  switch (name) {
    case "help":
    case "sweep":
    case "rescan":
    case "revoke":
      if (rest) {
        return {
          error: `${inlineCode(name)} takes no arguments (${where}). To resolve, comment ${inlineCode(`${COMMAND_PREFIX} ${name}`)} on a line of its own.`,
        };
      }
      return { name, args: {} };
    case "snooze":
      return parseSnooze(rest, where);
    case "ignore": {
      const reason = sanitizeReason(rest);
      if (!reason) {
        return {
          error: `${inlineCode("ignore")} needs a reason (${where}). To resolve, say why this is not a live leak, e.g. ${inlineCode(`${COMMAND_PREFIX} ignore test fixture, never a real key`)}.`,
        };
      }
      return { name, args: { reason } };
    }
  }
}

function parseSnooze(rest: string, where: string): CommandParseResult {
  const duration = parseDuration(rest);
  const fix = `To resolve, give a duration of at most ${MAX_SNOOZE_DAYS} days, such as ${inlineCode(`${COMMAND_PREFIX} snooze 2w waiting for the vendor`)} (units: h, d, w).`;
  if (!duration) {
    const got = rest ? `got ${inlineCode(rest.split(/\s/, 1)[0])} ` : "";
    return { error: `${inlineCode("snooze")} needs a duration (${got}${where}). ${fix}` };
  }
  if (duration.ms < HOUR_MS) {
    return { error: `${inlineCode("snooze")} needs a duration of at least 1 hour (${where}). ${fix}` };
  }
  if (duration.ms > MAX_SNOOZE_DAYS * DAY_MS) {
    return { error: `${inlineCode("snooze")} is capped at ${MAX_SNOOZE_DAYS} days (${where}). ${fix}` };
  }
  const reason = sanitizeReason(duration.rest);
  return {
    name: "snooze",
    args: { duration: duration.text, durationMs: duration.ms, reason: reason || null },
  };
}

function isCommandName(name: string): name is CommandName {
  return (COMMAND_NAMES as readonly string[]).includes(name);
}
