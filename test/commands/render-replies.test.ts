import { describe, expect, it } from "vitest";
import { parseCommand } from "../../src/commands/parse-command.js";
import { renderCommandReply, type CommandReply } from "../../src/commands/render-command-reply.js";
import { renderHelp } from "../../src/commands/render-help.js";
import { renderRefusal } from "../../src/commands/render-refusal.js";

describe("renderHelp", () => {
  it("lists every command, and is never itself a command", async () => {
    const help = renderHelp();
    for (const name of [
      "help",
      "sweep",
      "rescan",
      "revoke",
      "snooze <duration> [reason]",
      "ignore <reason>",
    ]) {
      expect(help).toContain(`\`/moltbook-guard ${name}\``);
    }
    expect(parseCommand(help)).toBeNull();
    await expect(help).toMatchFileSnapshot("golden/help.md.txt");
  });
});

describe("renderRefusal", () => {
  it("is polite and names the rule", () => {
    expect(renderRefusal("mallory")).toBe(
      "Thanks, @mallory. Only people with write access to this repository can run `/moltbook-guard` commands, so I have not done anything. A maintainer can run it for you if it is still needed.",
    );
    expect(parseCommand(renderRefusal("mallory"))).toBeNull();
  });

  it("never pings a team or a made-up handle", () => {
    expect(renderRefusal("acme/security")).toMatch(/^Thanks, there\./);
  });
});

describe("renderCommandReply", () => {
  it.each<[CommandReply, string]>([
    [
      { outcome: "sweep_started", login: "alice" },
      "@alice, a governance sweep has started. Issues and the dashboard update when it finishes.",
    ],
    [
      { outcome: "rescan_started", login: "alice" },
      "@alice, a rescan has started. Its results appear here when it finishes.",
    ],
    [
      {
        outcome: "invalid",
        login: "alice",
        error: "`snooze` is capped at 90 days (in `/moltbook-guard snooze 91d`). To resolve, …",
      },
      "@alice, I could not read that command. `snooze` is capped at 90 days (in `/moltbook-guard snooze 91d`). To resolve, …",
    ],
    [
      {
        outcome: "unavailable",
        login: "alice",
        command: "ignore",
        reason: "it works on pull requests, leak incidents, not on the governance dashboard",
      },
      "@alice, `/moltbook-guard ignore` does nothing here: it works on pull requests, leak incidents, not on the governance dashboard. See `/moltbook-guard help`.",
    ],
    [
      {
        outcome: "revoked",
        login: "alice",
        keys: [
          { label: "moltbook_sk_Ab3d…x9Q0", outcome: "revoked" },
          { label: "moltbook_sk_Cd5e…", outcome: "already_revoked" },
          { label: "moltbook_sk_Ef6g…", outcome: "not_found" },
          { label: "moltbook_sk_Gh7i…", outcome: "forbidden" },
        ],
      },
      [
        "@alice, revocation done:",
        "",
        "- `moltbook_sk_Ab3d…x9Q0` revoked; it stopped working at once.",
        "- `moltbook_sk_Cd5e…` was already revoked.",
        "- `moltbook_sk_Ef6g…` is not in this organisation's Moltbook inventory, so it could not be revoked here.",
        "- `moltbook_sk_Gh7i…` could not be revoked: the app's Moltbook key lacks `keys:revoke` for it. Revoke it in Moltbook.",
      ].join("\n"),
    ],
    [
      { outcome: "snoozed", login: "alice", until: "2026-06-15T12:00:00Z", reason: "vendor @acme/ops" },
      "@alice, snoozed until 2026-06-15 12:00 UTC (reason: vendor @&#8203;acme/ops). Moltbook Guard leaves it alone until then.",
    ],
    [
      { outcome: "snoozed", login: "alice", until: "2026-06-15T12:00:00Z", reason: null },
      "@alice, snoozed until 2026-06-15 12:00 UTC. Moltbook Guard leaves it alone until then.",
    ],
    [
      { outcome: "ignored", login: "bob", reason: "test *fixture*" },
      "@bob, this leak is marked as ignored, with the reason: test \\*fixture\\*. It is recorded with the incident.",
    ],
    [
      {
        outcome: "failed",
        login: "bob",
        command: "revoke",
        error: "Revoking failed (Moltbook answered 503). To resolve, try again in a minute.",
      },
      "@bob, `/moltbook-guard revoke` failed. Revoking failed (Moltbook answered 503). To resolve, try again in a minute.",
    ],
  ])("%j", (reply, text) => {
    expect(renderCommandReply(reply)).toBe(text);
    expect(parseCommand(text)).toBeNull();
  });

  it("answers help with the help text", () => {
    expect(renderCommandReply({ outcome: "help" })).toBe(renderHelp());
  });

  it("never echoes a key, even one passed as a label", () => {
    const key = "moltbook_sk_" + "P".repeat(32);
    const text = renderCommandReply({
      outcome: "revoked",
      login: "a",
      keys: [{ label: key, outcome: "revoked" }],
    });
    expect(text).not.toContain(key);
  });
});

describe("renderCommandReply refused", () => {
  it("is the polite refusal", () => {
    expect(renderCommandReply({ outcome: "refused", login: "rex" })).toBe(renderRefusal("rex"));
  });
});
