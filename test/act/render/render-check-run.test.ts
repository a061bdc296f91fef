import { describe, expect, it } from "vitest";
import {
  chunkAnnotations,
  renderCheckRun,
  type IncidentView,
  type RenderedCheckRun,
} from "../../../src/act/render/index.js";
import { context, fixedKey, incident, KEY_SHAPED } from "./fixtures.js";

const key = fixedKey(1);
const other = fixedKey(2);

/** One readable golden per check run: the fields, then the Markdown as GitHub shows it. */
function golden(run: RenderedCheckRun): string {
  const { output, ...head } = run;
  return [
    JSON.stringify({ ...head, title: output.title }, null, 2),
    "=== summary",
    output.summary,
    "=== text",
    output.text ?? "(none)",
    "=== annotations",
    JSON.stringify(output.annotations, null, 2),
    "",
  ].join("\n");
}

const states: Record<string, IncidentView[]> = {
  "still-active": [
    incident(key, { status: "report_only", revokedAt: undefined }),
    incident(other, {
      locations: [
        { path: "bot/main.py", line: 3, column: 20, encoding: "plain" },
        { path: "bot/settings.py", line: 8, column: 5, encoding: "base64" },
        {
          path: "(commit message)",
          line: 1,
          column: 9,
          encoding: "plain",
          commit: "2c26b46b68ffc68ff99b453c1d30413413422d70",
        },
      ],
    }),
  ],
  "revoked-in-code": [incident(key)],
  resolved: [
    incident(key, { removedFromHead: true }),
    incident(other, { removedFromHead: true, revokedAt: "2026-11-29T01:02:03.850Z" }),
  ],
};

describe("renderCheckRun", () => {
  it.each(Object.entries(states))("renders %s", async (name, incidents) => {
    const run = renderCheckRun(incidents, context());
    const text = golden(run);
    expect(text).not.toContain(key);
    expect(text).not.toMatch(KEY_SHAPED);
    await expect(text).toMatchFileSnapshot(`__golden__/check-run.${name}.txt`);
  });

  it("fails while any key still works, even once removed from the code", () => {
    const run = renderCheckRun(
      [incident(key, { status: "revoke_failed", revokedAt: undefined, removedFromHead: true })],
      context(),
    );
    expect(run.conclusion).toBe("failure");
    expect(run.output.title).toBe("1 leaked Moltbook key: 1 still active");
  });

  it.each(["unknown", "dry_run", "not_revocable"] as const)("fails while a %s key is in play", (status) => {
    const run = renderCheckRun(
      [incident(key, { status, revokedAt: undefined, removedFromHead: true })],
      context(),
    );
    expect(run.conclusion).toBe("failure");
  });

  it("fails while a revoked key is still in the head", () => {
    const run = renderCheckRun(states["revoked-in-code"], context());
    expect(run.conclusion).toBe("failure");
    expect(run.output.title).toBe("1 leaked Moltbook key revoked; 1 still in the code");
  });

  it("passes once every key is revoked and gone, and says so plainly", () => {
    const run = renderCheckRun(states.resolved, context());
    expect(run.conclusion).toBe("success");
    expect(run.output.title).toBe("All 2 leaked keys revoked and removed from the code");
    expect(run.output.summary).toContain(
      "All 2 leaked keys are revoked and removed from the code. Nothing left to do here, but check the audit log",
    );
    expect(run.output.annotations).toEqual([]);
  });

  it("counts a reported key as revoked", () => {
    const run = renderCheckRun([incident(key, { status: "reported", removedFromHead: true })], context());
    expect(run.conclusion).toBe("success");
    expect(run.output.summary).toContain("The leaked key is revoked and removed from the code.");
  });

  it("passes a clean scan with a short summary", async () => {
    const run = renderCheckRun([], context(), { scanned: { files: 12, commits: 3 } });
    expect(run).toMatchObject({ name: "Moltbook Guard", status: "completed", conclusion: "success" });
    expect(run.output.summary).toBe("No Moltbook keys found in 12 files across 3 commits.");
    expect(run.output.text).toBeUndefined();
    await expect(golden(run)).toMatchFileSnapshot("__golden__/check-run.clean.txt");
  });

  it("is never neutral", () => {
    for (const incidents of [[], ...Object.values(states)]) {
      expect(["success", "failure"]).toContain(renderCheckRun(incidents, context()).conclusion);
    }
  });

  it("reports an invalid config and the defaults it fell back to", async () => {
    const run = renderCheckRun([], context(), {
      scanned: { files: 1, commits: 1 },
      configErrors: [
        'revocation.public: expected one of auto, report, off, got "yes". To resolve, set revocation.public to auto, report or off.',
        'pull_requets: unknown option. To resolve, remove it or use "pull_request" (did you mean pull_request?).',
      ],
      skipped: [
        {
          path: "assets/big.bin",
          commit: "2c26b46b68ffc68ff99b453c1d30413413422d70",
          reason: "larger than 1 MiB (scan.max_blob_bytes)",
        },
      ],
    });
    expect(run.output.summary).toContain("### Configuration problems");
    expect(run.output.summary).toContain("defaults were applied");
    expect(run.output.summary).toContain("### Not scanned");
    await expect(golden(run)).toMatchFileSnapshot("__golden__/check-run.config-errors.txt");
  });

  it("annotates each exact line with the columns of a plain key", () => {
    const run = renderCheckRun(states["still-active"], context());
    expect(run.output.annotations).toEqual([
      expect.objectContaining({
        path: "src/client.ts",
        start_line: 12,
        end_line: 12,
        start_column: 17,
        end_column: 60,
        annotation_level: "failure",
      }),
      expect.objectContaining({ path: "bot/main.py", start_line: 3, start_column: 20, end_column: 63 }),
      expect.objectContaining({ path: "bot/settings.py", start_line: 8, start_column: 5, end_column: 5 }),
    ]);
    for (const a of run.output.annotations) {
      expect(a.title.length).toBeLessThanOrEqual(255);
      expect(a.message).toMatch(/^moltbook_sk_.{4}….{4} leaked here\./);
    }
  });

  it("returns every annotation, for the caller to send 50 at a time", () => {
    const locations = Array.from({ length: 120 }, (_, i) => ({
      path: `src/f${i}.ts`,
      line: i + 1,
      column: 1,
      encoding: "plain" as const,
    }));
    const run = renderCheckRun([incident(key, { locations })], context());
    expect(run.output.annotations).toHaveLength(120);
    const chunks = chunkAnnotations(run.output.annotations, 50);
    expect(chunks.map((c) => c.length)).toEqual([50, 50, 20]);
    expect(chunks.flat()).toEqual(run.output.annotations);
  });

  it("keeps a pipe in a path inside its table cell", () => {
    const run = renderCheckRun(
      [incident(key, { locations: [{ path: "src/a|b.ts", line: 12, column: 1, encoding: "plain" }] })],
      context(),
    );
    const row = run.output.summary.split("\n").find((l) => l.includes("src/a"))!;
    expect(row).toContain("[`src/a\\|b.ts` line 12]");
    // GitHub splits a row on pipes with no backslash before them: 5 cells between 6 of them.
    expect(row.split(/(?<!\\)\|/)).toHaveLength(7);
  });

  it("escapes reasons for skipped files but quotes their paths exactly", () => {
    const run = renderCheckRun([], context(), {
      skipped: [{ path: "docs/@team/<x>.md", reason: "too large for @team\n# forged" }],
    });
    expect(run.output.summary).toContain("- `docs/@team/<x>.md`: too large for @&#8203;team \\# forged");
  });

  it("keeps summary and text under GitHub's limits", () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      incident(fixedKey(1000 + i), {
        locations: Array.from({ length: 20 }, (_, l) => ({
          path: `src/${"deep/".repeat(20)}f${l}.ts`,
          line: l + 1,
          column: 1,
          encoding: "plain" as const,
        })),
      }),
    );
    const run = renderCheckRun(many, context());
    expect(run.output.summary.length).toBeLessThanOrEqual(65_535);
    expect(run.output.text!.length).toBeLessThanOrEqual(65_535);
  });
});

describe("chunkAnnotations", () => {
  it("splits into batches of at most the given size", () => {
    expect(chunkAnnotations([], 50)).toEqual([]);
    expect(chunkAnnotations([1, 2, 3], 2)).toEqual([[1, 2], [3]]);
  });

  it("refuses a size GitHub would not take", () => {
    expect(() => chunkAnnotations([1], 0)).toThrow(/To resolve, pass 50/);
  });
});
