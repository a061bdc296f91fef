// Spawns the BUILT CLI (dist/bin/moltbook-guard.js): `npm test` builds first; alone, run `npm run build`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commit, initRepo } from "../support/cli/git-repo.js";
import { containsRawKey, makeKey } from "../support/cli/keys.js";
import { runCli, type CliRun } from "../support/cli/run-cli.js";
import { makeTempDir, removeTempDir } from "../support/cli/temp-dir.js";

describe("output formats", () => {
  let dir: string;
  const keys = [makeKey(), makeKey()];
  const runs: Record<string, CliRun> = {};

  beforeAll(async () => {
    dir = makeTempDir("mg-formats-");
    initRepo(dir);
    commit(dir, `setup with ${keys[1]}`, {
      write: {
        "src/app.ts": `export const key = "${keys[0]}";\n`,
        "dir with space/a,b:c.txt": `${keys[1]}\n`,
        "big.txt": "x".repeat(3000),
      },
    });
    const common = ["--max-file-size", "2kB"];
    for (const format of ["text", "json", "sarif", "github"]) {
      runs[format] = await runCli(["scan", ".", "-f", format, ...common], { cwd: dir });
    }
    runs.history = await runCli(["scan", "--history", "-f", "sarif"], { cwd: dir });
  });
  afterAll(() => removeTempDir(dir));

  it("never prints a raw key, in any format, on stdout or stderr", () => {
    for (const [name, run] of Object.entries(runs)) {
      expect(run.code, name).toBe(1);
      expect(containsRawKey(run.stdout + run.stderr, keys), name).toBe(false);
    }
  });

  it("json has the fixed shape", () => {
    const out = JSON.parse(runs.json.stdout);
    expect(Object.keys(out)).toEqual(["findings", "stats"]);
    expect(Object.keys(out.stats).slice(0, 3)).toEqual(["files", "bytes", "ms"]);
    expect(out.findings).toHaveLength(2);
    for (const f of out.findings) {
      expect(Object.keys(f).sort()).toEqual([
        "column",
        "encoding",
        "fingerprint",
        "kind",
        "line",
        "path",
        "redacted",
      ]);
      expect(f.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(f.redacted).toMatch(/^moltbook_sk_.{4}….{4}$/);
    }
    expect(out.stats.skipped).toEqual([{ path: "big.txt", reason: "too-large", bytes: 3000, limit: 2000 }]);
  });

  it("sarif is a 2.1.0 log that code scanning accepts", () => {
    for (const run of [runs.sarif, runs.history]) {
      const log = JSON.parse(run.stdout);
      expect(log.version).toBe("2.1.0");
      expect(log.$schema).toMatch(/sarif-2\.1\.0/);
      expect(log.runs).toHaveLength(1);
      const [r] = log.runs;
      expect(r.tool.driver.name).toBe("moltbook-guard");
      const ruleIds = r.tool.driver.rules.map((rule: { id: string }) => rule.id);
      expect(ruleIds).toContain("moltbook_api_key");
      for (const rule of r.tool.driver.rules) {
        expect(rule.shortDescription.text).toBeTruthy();
        expect(rule.properties["security-severity"]).toMatch(/^\d+\.\d$/);
      }
      expect(r.results.length).toBeGreaterThan(0);
      for (const res of r.results) {
        expect(ruleIds[res.ruleIndex]).toBe(res.ruleId);
        expect(["error", "warning", "note", "none"]).toContain(res.level);
        expect(res.message.text).toMatch(/moltbook_sk_.{4}….{4}/);
        expect(res.locations).toHaveLength(1);
        const loc = res.locations[0].physicalLocation;
        expect(loc.artifactLocation.uri).not.toMatch(/^\/|\s/);
        expect(loc.region.startLine).toBeGreaterThanOrEqual(1);
        expect(loc.region.startColumn).toBeGreaterThanOrEqual(1);
        expect(Object.values(res.partialFingerprints)).toHaveLength(1);
      }
    }
    const uris = JSON.parse(runs.sarif.stdout).runs[0].results.map(
      (res: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        res.locations[0].physicalLocation.artifactLocation.uri,
    );
    expect(uris.sort()).toEqual(["dir%20with%20space/a%2Cb%3Ac.txt", "src/app.ts"]);
    const notes = JSON.parse(runs.sarif.stdout).runs[0].invocations[0].toolExecutionNotifications;
    expect(notes[0].message.text).toMatch(/big\.txt was not scanned/);
    const history = JSON.parse(runs.history.stdout).runs[0].results;
    expect(history.map((res: { properties: { commit: string } }) => res.properties.commit)).toHaveLength(3);
  });

  it("github prints one ::error annotation per finding, escaped, and a warning per skipped file", () => {
    const lines = runs.github.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^::error file=src\/app\.ts,line=1,col=21,title=Moltbook API key::Moltbook API key moltbook_sk_/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^::error file=dir with space\/a%2Cb%3Ac\.txt,line=1,col=1,/),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^::warning file=big\.txt,title=Not scanned::/));
  });

  it("text lists path:line:col, the redacted key and fingerprint, and says what to do", () => {
    expect(runs.text.stdout).toMatch(
      /^src\/app\.ts:1:21 {2}moltbook_api_key {2}moltbook_sk_.{4}….{4} {2}sha256:[0-9a-f]{64}$/m,
    );
    expect(runs.text.stdout).toMatch(/2 Moltbook keys found \(2 files, .*1 too large or unreadable skipped/);
    expect(runs.text.stdout).toMatch(/To resolve, revoke each key/);
    expect(runs.text.stdout).not.toContain("\u001b[");
    expect(runs.text.stderr).toMatch(/big\.txt was not scanned/);
  });

  it("colours text only when asked (FORCE_COLOR) or on a terminal", async () => {
    const run = await runCli(["scan", "src"], { cwd: dir, env: { NO_COLOR: undefined, FORCE_COLOR: "1" } });
    expect(run.stdout).toContain("\u001b[");
  });
});
