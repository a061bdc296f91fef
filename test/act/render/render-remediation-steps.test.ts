import { describe, expect, it } from "vitest";
import { renderRemediationSteps } from "../../../src/act/render/index.js";
import { COMMIT_SHA, context, fixedDevKey, fixedKey, incident } from "./fixtures.js";

const key = fixedKey(1);

describe("renderRemediationSteps", () => {
  it("adds encoded sightings to the filter-repo file by hand", () => {
    const steps = renderRemediationSteps(
      [incident(key, { locations: [{ path: "config/app.json", line: 3, column: 10, encoding: "base64" }] })],
      context(),
    );
    expect(steps).toContain("The key is also stored encoded (`config/app.json` line 3)");
  });

  it("rewrites commit messages too when the key was in one", () => {
    const steps = renderRemediationSteps(
      [
        incident(key, {
          locations: [
            { path: "(commit message)", line: 1, column: 1, encoding: "plain", commit: COMMIT_SHA },
          ],
        }),
      ],
      context(),
    );
    expect(steps).toContain(
      "--replace-text ../moltbook-replacements.txt --replace-message ../moltbook-replacements.txt",
    );
    expect(steps).not.toContain("JavaScript");
  });

  it("greps for developer keys when one leaked", () => {
    const steps = renderRemediationSteps(
      [incident(fixedDevKey(4), { status: "not_revocable", revokedAt: undefined })],
      context(),
    );
    expect(steps).toContain("moltdev_[A-Za-z0-9_-]{16,}");
    expect(steps).not.toContain("moltbook_sk_[A-Za-z0-9_-]{32}");
    expect(steps).toContain("MOLTBOOK_DEV_KEY");
  });

  it("quotes what it cannot trust in shell commands", () => {
    const steps = renderRemediationSteps(
      [incident(key)],
      context({ htmlBaseUrl: "https://ghe.example.test/", repoFullName: "acme/it's" }),
    );
    expect(steps).toContain("git clone 'https://ghe.example.test/acme/it'\\''s.git' && cd 'it'\\''s'");
  });

  it("filters the audit log by key id when Moltbook knows it", () => {
    const steps = renderRemediationSteps(
      [incident(key, { keyId: "key_123" })],
      context({ moltbookApiUrl: "http://127.0.0.1:4010/api/v1/" }),
    );
    expect(steps).toContain(
      '"http://127.0.0.1:4010/api/v1/audit-logs?since=2026-11-29T01:02:03.000Z&key_id=key_123"',
    );
  });

  it("reads the audit log from the earliest sighting", () => {
    const steps = renderRemediationSteps(
      [
        incident(key, { detectedAt: "2026-11-29T05:00:00+04:00" }),
        incident(fixedKey(2), { detectedAt: "2026-11-29T02:00:00Z" }),
      ],
      context(),
    );
    expect(steps).toContain("since=2026-11-29T01:00:00.000Z");
  });

  it("names the leaked key's scopes, calling out a wildcard", () => {
    const steps = renderRemediationSteps([incident(key, { keyScopes: ["*"] })], context());
    expect(steps).toContain("The leaked key had `*` (everything)");
  });
});
