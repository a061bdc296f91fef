import { describe, expect, it } from "vitest";
import {
  dashboardContentHash,
  dashboardNeedsUpdate,
} from "../../../src/governance/render/dashboard-needs-update.js";
import { issueContentHash } from "../../../src/governance/render/issue-content-hash.js";

const body = (time: string, rest = "- [ ] <!-- sweep-now --> Sweep now") =>
  `<!-- moltbook-guard:dashboard -->\n<!-- moltbook-guard:last-sweep -->Last sweep: ${time}<!-- /moltbook-guard:last-sweep -->\n${rest}`;

describe("dashboardNeedsUpdate", () => {
  it.each([
    ["no dashboard yet", null, body("2026-06-01 12:00 UTC"), true],
    [
      "only the sweep time moved, by an hour",
      body("2026-06-01 12:00 UTC"),
      body("2026-06-01 13:00 UTC"),
      false,
    ],
    [
      "only the sweep time moved, by 23 h 59 min",
      body("2026-06-01 12:00 UTC"),
      body("2026-06-02 11:59 UTC"),
      false,
    ],
    [
      "only the sweep time moved, by a day (heartbeat)",
      body("2026-06-01 12:00 UTC"),
      body("2026-06-02 12:00 UTC"),
      true,
    ],
    [
      "a box was ticked (re-render unticks it)",
      body("2026-06-01 12:00 UTC", "- [x] <!-- sweep-now --> Sweep now"),
      body("2026-06-01 13:00 UTC"),
      true,
    ],
    ["content changed", body("2026-06-01 12:00 UTC", "a"), body("2026-06-01 12:05 UTC", "b"), true],
    ["CRLF only", body("2026-06-01 12:00 UTC").replace(/\n/g, "\r\n"), body("2026-06-01 12:00 UTC"), false],
  ])("%s → %s", (_name, current, rendered, expected) => {
    expect(dashboardNeedsUpdate(current, rendered)).toBe(expected);
  });

  it("takes the heartbeat as an option", () => {
    expect(dashboardNeedsUpdate(body("2026-06-01 12:00 UTC"), body("2026-06-01 13:00 UTC"), 1)).toBe(true);
  });
});

describe("dashboardContentHash", () => {
  const dashboard = (text: string, labels = ["moltbook-guard"]) => ({
    title: "Dashboard",
    body: text,
    labels,
  });

  it("ignores the last sweep time", () => {
    expect(dashboardContentHash(dashboard(body("2026-06-01 12:00 UTC")))).toBe(
      dashboardContentHash(dashboard(body("2026-07-01 00:00 UTC"))),
    );
    expect(dashboardContentHash(dashboard(body("x", "a")))).not.toBe(
      dashboardContentHash(dashboard(body("x", "b"))),
    );
  });

  it("is the issueContentHash of the dashboard without that line, so nothing hashes a hash", () => {
    const withLine = dashboard(body("2026-06-01 12:00 UTC", "- [ ] a"));
    expect(dashboardContentHash(withLine)).toBe(
      issueContentHash({ ...withLine, body: "<!-- moltbook-guard:dashboard -->\n\n- [ ] a" }),
    );
    expect(dashboardContentHash(withLine)).not.toBe(dashboardContentHash({ ...withLine, title: "Other" }));
    expect(dashboardContentHash(withLine)).not.toBe(dashboardContentHash({ ...withLine, labels: [] }));
  });
});
