import { describe, expect, it } from "vitest";
import { parseCommand } from "../../src/commands/parse-command.js";

const H = 3_600_000;
const D = 24 * H;

describe("parseCommand", () => {
  it.each([
    ["help", "/moltbook-guard help", { name: "help", args: {} }],
    ["bare prefix means help", "/moltbook-guard", { name: "help", args: {} }],
    ["sweep", "/moltbook-guard sweep", { name: "sweep", args: {} }],
    ["rescan", "/moltbook-guard rescan", { name: "rescan", args: {} }],
    ["revoke", "/moltbook-guard revoke", { name: "revoke", args: {} }],
    ["case-insensitive", "/Moltbook-Guard SWEEP", { name: "sweep", args: {} }],
    ["surrounding spaces", "   /moltbook-guard   sweep   ", { name: "sweep", args: {} }],
    [
      "snooze with a reason",
      "/moltbook-guard snooze 2w waiting for the vendor",
      { name: "snooze", args: { duration: "2w", durationMs: 14 * D, reason: "waiting for the vendor" } },
    ],
    [
      "snooze hours",
      "/moltbook-guard snooze 12h",
      { name: "snooze", args: { duration: "12h", durationMs: 12 * H, reason: null } },
    ],
    [
      "snooze in words",
      "/moltbook-guard snooze 7 days",
      { name: "snooze", args: { duration: "7d", durationMs: 7 * D, reason: null } },
    ],
    [
      "snooze at the cap",
      "/moltbook-guard snooze 90d",
      { name: "snooze", args: { duration: "90d", durationMs: 90 * D, reason: null } },
    ],
    ["ignore", "/moltbook-guard ignore test fixture", { name: "ignore", args: { reason: "test fixture" } }],
    ["later lines are fine", "Thanks!\n\n/moltbook-guard sweep\n", { name: "sweep", args: {} }],
    ["CRLF", "hi\r\n/moltbook-guard rescan\r\n", { name: "rescan", args: {} }],
    ["first command wins", "/moltbook-guard sweep\n/moltbook-guard revoke", { name: "sweep", args: {} }],
    [
      "after a closed fence",
      "```\n/moltbook-guard revoke\n```\n/moltbook-guard help",
      { name: "help", args: {} },
    ],
    [
      "after a closed tilde fence",
      "~~~sh\n/moltbook-guard revoke\n~~~\n/moltbook-guard sweep",
      { name: "sweep", args: {} },
    ],
    [
      "a quote, then the real command",
      "> /moltbook-guard revoke\n\n/moltbook-guard sweep",
      { name: "sweep", args: {} },
    ],
  ] as const)("%s", (_name, body, expected) => {
    expect(parseCommand(body)).toEqual(expected);
  });

  it.each([
    ["empty", ""],
    ["null", null],
    ["no command", "Looks good to me"],
    ["mid-sentence", "please run /moltbook-guard sweep"],
    ["inline code", "`/moltbook-guard sweep`"],
    ["another prefix", "/moltbook-guardian sweep"],
    ["inside a fence", "```\n/moltbook-guard revoke\n```"],
    ["inside a longer fence with a shorter inner fence", "````md\n```\n/moltbook-guard revoke\n````"],
    ["inside an unclosed fence", "```\n/moltbook-guard revoke"],
    ["quoted", "> /moltbook-guard revoke"],
    ["nested quote", "> > /moltbook-guard revoke"],
    ["indented code", "    /moltbook-guard revoke"],
    ["html comment", "<!--\n/moltbook-guard revoke\n-->"],
  ])("%s → null", (_name, body) => {
    expect(parseCommand(body)).toBeNull();
  });

  it.each([
    [
      "unknown command",
      "/moltbook-guard destroy",
      /^Unknown command `destroy` \(in `\/moltbook-guard destroy`\)\. To resolve, use one of `help`/,
    ],
    [
      "arguments to revoke",
      "/moltbook-guard revoke this one too",
      /^`revoke` takes no arguments .*To resolve, comment `\/moltbook-guard revoke` on a line of its own\.$/,
    ],
    ["arguments to sweep", "/moltbook-guard sweep now", /^`sweep` takes no arguments/],
    [
      "snooze without duration",
      "/moltbook-guard snooze",
      /^`snooze` needs a duration \(in `\/moltbook-guard snooze`\)\. To resolve, give a duration of at most 90 days/,
    ],
    [
      "snooze with a bad duration",
      "/moltbook-guard snooze soon please",
      /^`snooze` needs a duration \(got `soon` in /,
    ],
    ["snooze over the cap", "/moltbook-guard snooze 91d", /^`snooze` is capped at 90 days/],
    ["snooze of 13 weeks and more", "/moltbook-guard snooze 14w", /^`snooze` is capped at 90 days/],
    ["snooze of zero", "/moltbook-guard snooze 0h", /^`snooze` needs a duration of at least 1 hour/],
    ["unknown unit", "/moltbook-guard snooze 3m", /^`snooze` needs a duration \(got `3m` /],
    ["ignore without reason", "/moltbook-guard ignore", /^`ignore` needs a reason .*To resolve, say why/],
    ["ignore with blank reason", "/moltbook-guard ignore    ", /^`ignore` needs a reason/],
    [
      "a backtick in the command, quoted as typed",
      "/moltbook-guard de`stroy @team",
      /^Unknown command ``de`stroy`` \(in ``\/moltbook-guard de`stroy @team``\)\./,
    ],
  ])("%s → error", (_name, body, message) => {
    const result = parseCommand(body);
    expect(result).toHaveProperty("error");
    expect((result as { error: string }).error).toMatch(message);
  });

  it("redacts a key pasted into a reason, and into an error", () => {
    const key = "moltbook_sk_" + "Z".repeat(20) + "y".repeat(12);
    expect(parseCommand(`/moltbook-guard ignore it was ${key}`)).toEqual({
      name: "ignore",
      args: { reason: "it was moltbook_sk_ZZZZ…yyyy" },
    });
    const error = (parseCommand(`/moltbook-guard ${key}`) as { error: string }).error;
    expect(error).not.toContain(key);
    expect(error).toContain("moltbook_sk_ZZZZ…yyyy");
  });

  it("caps long reasons", () => {
    const result = parseCommand(`/moltbook-guard ignore ${"x".repeat(2000)}`) as { args: { reason: string } };
    expect(result.args.reason).toHaveLength(500);
  });
});
