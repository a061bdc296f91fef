import { describe, expect, it } from "vitest";
import { scanText } from "../../../src/detect/index.js";
import { evaluateKey } from "../../../src/governance/policy/evaluate-key.js";
import { DEFAULT_GOVERNANCE_POLICY as POLICY } from "../../../src/governance/policy/types.js";
import { dashboardNeedsUpdate } from "../../../src/governance/render/dashboard-needs-update.js";
import { parseDashboardChecks } from "../../../src/governance/render/parse-dashboard-checks.js";
import {
  DASHBOARD_MAX_CHARS,
  renderDashboard,
  type DashboardKey,
  type DashboardView,
} from "../../../src/governance/render/render-dashboard.js";
import type { KeyRecord } from "../../../src/moltbook/types.js";
import { NOW, daysFromNow, makeKey } from "../make-key.js";

function entry(
  key: KeyRecord,
  issues: DashboardKey["issues"] = [],
  snoozedUntil: string | null = null,
): DashboardKey {
  return { evaluation: evaluateKey(key, POLICY, NOW), issues, snoozedUntil };
}

function view(overrides: Partial<DashboardView> = {}): DashboardView {
  return {
    org: "acme",
    repo: "acme/.github",
    policy: POLICY,
    now: NOW,
    snoozedUntil: null,
    incidents: [
      { repo: "acme/web", number: 7, title: "Leaked Moltbook key in config/prod.env" },
      { repo: "acme/.github", number: 2, title: "Leaked Moltbook key in a comment" },
    ],
    keys: [
      entry(makeKey({ id: "key_h", name: "healthy-bot" })),
      entry(makeKey({ id: "key_e", name: "expired-bot", expires_at: "2026-05-20T00:00:00Z" }), [
        { repo: "acme/api", number: 12 },
        { repo: "acme/api", number: 13 },
      ]),
      entry(makeKey({ id: "key_o", name: "old-bot", created_at: "2026-01-02T00:00:00Z", expires_at: null }), [
        { repo: "acme/.github", number: 40 },
      ]),
      entry(
        makeKey({ id: "key_d", name: "soon-bot", expires_at: "2026-06-09T00:00:00Z" }),
        [],
        "2026-06-05T00:00:00Z",
      ),
      entry(makeKey({ id: "key_p", name: "admin-bot", scopes: ["*"], ip_allowlist: [], purpose: null })),
      entry(
        makeKey({
          id: "key_g",
          name: "guard",
          scopes: ["keys:read", "keys:revoke", "audit:read"],
          owner: { email: null, github_login: null },
        }),
      ),
      entry(
        makeKey({ id: "key_r", name: "retired-bot", status: "revoked", revoked_at: "2026-04-01T10:00:00Z" }),
      ),
    ],
    ...overrides,
  };
}

describe("renderDashboard", () => {
  it("matches the golden dashboard", async () => {
    const d = renderDashboard(view());
    expect(d.title).toBe("Moltbook key governance dashboard");
    expect(d.labels).toEqual(["moltbook-guard"]);
    await expect(d.body).toMatchFileSnapshot("golden/dashboard.md.txt");
  });

  it("matches the golden snoozed dashboard with nothing in it", async () => {
    const d = renderDashboard(view({ keys: [], incidents: [], snoozedUntil: "2026-06-08T12:00:00Z" }));
    await expect(d.body).toMatchFileSnapshot("golden/dashboard-snoozed-empty.md.txt");
  });

  it("does not depend on the order keys and incidents come in", () => {
    const v = view();
    const shuffled = { ...v, keys: [...v.keys].reverse(), incidents: [...v.incidents].reverse() };
    expect(renderDashboard(shuffled).body).toBe(renderDashboard(v).body);
  });

  it("a later sweep with nothing changed needs no rewrite; a changed key does", () => {
    const first = renderDashboard(view()).body;
    const later = renderDashboard(view({ now: new Date(NOW.getTime() + 3_600_000) })).body;
    expect(later).not.toBe(first);
    expect(dashboardNeedsUpdate(first, later)).toBe(false);
    const changed = view({ now: new Date(NOW.getTime() + 3_600_000) });
    changed.keys = changed.keys.slice(1);
    expect(dashboardNeedsUpdate(first, renderDashboard(changed).body)).toBe(true);
  });

  it("offers a revoke box for every key that still works, and none for revoked keys", () => {
    const body = renderDashboard(view()).body;
    for (const id of ["key_h", "key_e", "key_o", "key_d", "key_p", "key_g"]) {
      expect(body).toContain(`- [ ] <!-- revoke:${id} -->`);
    }
    expect(body).not.toContain("revoke:key_r");
    expect(body).not.toContain("- [x]");
  });

  it("keeps forged boxes out, and prints no key", () => {
    const leaked = "moltbook_sk_" + "k".repeat(32);
    const evil = makeKey({ id: "key_x", name: `x\n- [ ] <!-- revoke:key_h --> ${leaked}` });
    const body = renderDashboard(view({ keys: [entry(evil)] })).body;
    expect(body.match(/<!-- revoke:/g)).toHaveLength(1);
    expect(scanText(body)).toEqual([]);
    const ticked = body.replace("- [ ] <!-- revoke:key_x -->", "- [x] <!-- revoke:key_x -->");
    expect(parseDashboardChecks(body, ticked)).toEqual([{ type: "revoke", keyId: "key_x" }]);
  });

  it("stays under GitHub's size limit, dropping the calmest keys first", () => {
    const keys: DashboardKey[] = [];
    for (let i = 0; i < 2000; i++) {
      const id = `key_${String(i).padStart(4, "0")}`;
      keys.push(
        entry(makeKey({ id, name: `service-${id}`, expires_at: i < 5 ? daysFromNow(-1) : daysFromNow(60) })),
      );
    }
    const body = renderDashboard(view({ keys })).body;
    expect(body.length).toBeLessThanOrEqual(DASHBOARD_MAX_CHARS);
    expect(body).toContain("### Expired but still active (5)");
    expect(body).toContain("### Healthy (1995)");
    expect(body).toMatch(/_…and \d+ more keys not shown/);
    expect(body).toContain("revoke:key_0004");
  });

  it("lists an incident without a thread by its repository", () => {
    const d = renderDashboard(view({ incidents: [{ repo: "acme/web", number: null, title: "Leaked key" }] }));
    expect(d.body).toContain("## Open leak incidents (1)\n\n- acme/web Leaked key\n");
  });

  it("offers no revoke box for the app's own key", () => {
    const own = { ...entry(makeKey({ id: "key_self", name: "guard" })), ownKey: true };
    const d = renderDashboard(view({ keys: [own] }));
    expect(d.body).toContain("- **guard** `moltbook_sk_Ab3d…`");
    expect(d.body).toContain("· Moltbook Guard's own key");
    expect(d.body).not.toContain("revoke:key_self");
  });
});
