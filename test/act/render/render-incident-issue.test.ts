import { describe, expect, it } from "vitest";
import { incidentMarker, parseIncidentMarker, renderIncidentIssue } from "../../../src/act/render/index.js";
import { COMMIT_SHA, context, fixedKey, incident, KEY_SHAPED } from "./fixtures.js";

const key = fixedKey(1);
const pushContext = context({ prNumber: undefined, branch: "main", pusher: "octocat" });
const sightings = [
  { path: "deploy/run.sh", line: 7, column: 30, encoding: "plain" as const, commit: COMMIT_SHA },
  { path: "(commit message)", line: 2, column: 1, encoding: "plain" as const, commit: COMMIT_SHA },
];

function golden(issue: ReturnType<typeof renderIncidentIssue>): string {
  return [
    `title: ${issue.title}`,
    `labels: ${issue.labels.join(", ")}`,
    `assignees: ${issue.assignees.join(", ")}`,
    "",
    issue.body,
    "",
  ].join("\n");
}

describe("renderIncidentIssue", () => {
  it("renders a key that is revoked but still in the branch", async () => {
    const issue = renderIncidentIssue(incident(key, { locations: sightings }), pushContext);
    expect(issue.title).toBe("Leaked Moltbook API key moltbook_sk_oAh_…qiwM (revoked)");
    expect(issue.body).toContain("@octocat, a key was pushed to `main` in `acme/widgets`.");
    expect(issue.labels).toEqual(["moltbook-guard", "leaked-key"]);
    expect(issue.assignees).toEqual(["octocat"]);
    expect(golden(issue)).not.toMatch(KEY_SHAPED);
    await expect(golden(issue)).toMatchFileSnapshot("__golden__/incident-issue.revoked.txt");
  });

  it("renders the resolved state with every sighting", async () => {
    const later = [
      ...sightings,
      { path: "deploy/other.sh", line: 1, column: 9, encoding: "plain" as const, commit: "a".repeat(40) },
    ];
    const issue = renderIncidentIssue(
      incident(key, { locations: later, removedFromHead: true }),
      pushContext,
      {
        labels: ["security", "security"],
        assignPusher: false,
      },
    );
    expect(issue.title).toBe(
      "Leaked Moltbook API key moltbook_sk_oAh_…qiwM (revoked, removed from the code)",
    );
    expect(issue.body).toContain("deploy/other.sh");
    expect(issue.labels).toEqual(["security"]);
    expect(issue.assignees).toEqual([]);
    await expect(golden(issue)).toMatchFileSnapshot("__golden__/incident-issue.resolved.txt");
  });

  it("renders a key whose revocation failed", async () => {
    const issue = renderIncidentIssue(
      incident(key, {
        status: "revoke_failed",
        revokedAt: undefined,
        error: "Moltbook answered 503 (POST /keys/revoke). To resolve, wait for the retry.",
        locations: sightings,
      }),
      pushContext,
    );
    expect(issue.title).toContain("revocation FAILED: still active");
    expect(issue.body).toContain("**Revocation failed, so the key is still ACTIVE.**");
    await expect(golden(issue)).toMatchFileSnapshot("__golden__/incident-issue.revoke-failed.txt");
  });

  it("carries a marker the app can find the issue by", () => {
    const view = incident(key);
    const issue = renderIncidentIssue(view, pushContext);
    expect(issue.body.startsWith(incidentMarker(view.fingerprint))).toBe(true);
    expect(parseIncidentMarker(issue.body)).toBe(view.fingerprint);
  });

  it("mentions and assigns only real, human logins", () => {
    for (const pusher of ["dependabot[bot]", "-bad", "a".repeat(40), "x--y", undefined]) {
      const issue = renderIncidentIssue(incident(key), context({ prNumber: undefined, pusher }));
      expect(issue.assignees).toEqual([]);
      expect(issue.body).not.toMatch(/(^|\s)@\S/m);
    }
  });
});

describe("parseIncidentMarker", () => {
  it("reads only a well-formed marker", () => {
    const fp = `sha256:${"ab".repeat(32)}`;
    expect(parseIncidentMarker(`text\n<!-- moltbook-guard:incident ${fp} -->\nmore`)).toBe(fp);
    expect(parseIncidentMarker("<!-- moltbook-guard:incident sha256:xyz -->")).toBeUndefined();
    expect(parseIncidentMarker("<!-- moltbook-guard:pr-comment -->")).toBeUndefined();
    expect(parseIncidentMarker(null)).toBeUndefined();
  });

  it("refuses to write a marker for something that is not a fingerprint", () => {
    expect(() => incidentMarker("sha256:nope")).toThrow(/To resolve/);
  });
});
