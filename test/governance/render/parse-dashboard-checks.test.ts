import { describe, expect, it } from "vitest";
import { isDashboardBody } from "../../../src/governance/render/dashboard-markers.js";
import { parseDashboardChecks } from "../../../src/governance/render/parse-dashboard-checks.js";
import { untickDashboard } from "../../../src/governance/render/untick-dashboard.js";

const OLD = [
  "<!-- moltbook-guard:dashboard -->",
  "<!-- moltbook-guard:last-sweep -->Last sweep: 2026-06-01 12:00 UTC<!-- /moltbook-guard:last-sweep -->",
  "- [ ] <!-- sweep-now --> Sweep now",
  "- [ ] <!-- snooze:7d --> Snooze new governance issues for 7 days",
  "- [ ] <!-- revoke:key_1 --> **a** `moltbook_sk_Ab3d…`",
  "- [ ] <!-- revoke:key_2 --> **b** `moltbook_sk_Cd5e…`",
  "- [x] <!-- revoke:key_3 --> **c** `moltbook_sk_Ef6g…`",
  "- [ ] <!-- revoke:key%20odd --> **d**",
].join("\n");

const tick = (body: string, marker: string, box = "[x]") =>
  body.replace(`- [ ] ${marker}`, `- ${box} ${marker}`);

describe("parseDashboardChecks", () => {
  it.each([
    ["nothing changed", OLD, []],
    ["one revoke ticked", tick(OLD, "<!-- revoke:key_2 -->"), [{ type: "revoke", keyId: "key_2" }]],
    ["capital X", tick(OLD, "<!-- revoke:key_1 -->", "[X]"), [{ type: "revoke", keyId: "key_1" }]],
    ["sweep now", tick(OLD, "<!-- sweep-now -->"), [{ type: "sweep" }]],
    ["snooze", tick(OLD, "<!-- snooze:7d -->"), [{ type: "snooze", days: 7 }]],
    [
      "percent-encoded key id",
      tick(OLD, "<!-- revoke:key%20odd -->"),
      [{ type: "revoke", keyId: "key odd" }],
    ],
    [
      "several at once, in body order",
      tick(tick(OLD, "<!-- revoke:key_2 -->"), "<!-- sweep-now -->"),
      [{ type: "sweep" }, { type: "revoke", keyId: "key_2" }],
    ],
    ["a box that was already ticked does nothing", tick(OLD, "<!-- revoke:key_3 -->"), []],
    ["unticking does nothing", OLD.replace("- [x] <!-- revoke:key_3 -->", "- [ ] <!-- revoke:key_3 -->"), []],
    ["a pasted-in ticked line does nothing", `${OLD}\n- [x] <!-- revoke:key_9 --> pasted`, []],
    [
      "a ticked line inside a code fence does nothing",
      `\`\`\`\n- [x] <!-- revoke:key_1 -->\n\`\`\`\n${OLD}`,
      [],
    ],
    [
      "CRLF bodies",
      tick(OLD, "<!-- revoke:key_1 -->").replace(/\n/g, "\r\n"),
      [{ type: "revoke", keyId: "key_1" }],
    ],
  ] as const)("%s", (_name, newBody, expected) => {
    expect(parseDashboardChecks(OLD, newBody)).toEqual(expected);
  });

  it("needs both bodies", () => {
    expect(parseDashboardChecks(null, tick(OLD, "<!-- sweep-now -->"))).toEqual([]);
    expect(parseDashboardChecks(OLD, undefined)).toEqual([]);
  });

  it("reads unsnooze", () => {
    const old = "- [ ] <!-- unsnooze --> End the snooze";
    expect(parseDashboardChecks(old, old.replace("[ ]", "[x]"))).toEqual([{ type: "unsnooze" }]);
  });
});

describe("untickDashboard", () => {
  it("unticks action boxes only", () => {
    const ticked =
      tick(tick(OLD, "<!-- revoke:key_1 -->"), "<!-- sweep-now -->") + "\n- [x] a person's own task";
    const unticked = untickDashboard(ticked);
    expect(unticked).toBe(
      OLD.replace("- [x] <!-- revoke:key_3 -->", "- [ ] <!-- revoke:key_3 -->") +
        "\n- [x] a person's own task",
    );
    // key_3 was ticked before and is unticked now: ticking any of the three again acts again.
    expect(parseDashboardChecks(unticked, ticked)).toEqual([
      { type: "sweep" },
      { type: "revoke", keyId: "key_1" },
      { type: "revoke", keyId: "key_3" },
    ]);
  });
});

describe("isDashboardBody", () => {
  it("recognises the dashboard marker", () => {
    expect(isDashboardBody(OLD)).toBe(true);
    expect(isDashboardBody("an issue")).toBe(false);
    expect(isDashboardBody(null)).toBe(false);
  });
});
