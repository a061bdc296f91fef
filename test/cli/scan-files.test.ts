// Spawns the BUILT CLI (dist/bin/moltbook-guard.js): `npm test` builds first; alone, run `npm run build`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeKey } from "../support/cli/keys.js";
import { runCli } from "../support/cli/run-cli.js";
import { makeTempDir, removeTempDir, writeFiles } from "../support/cli/temp-dir.js";

interface JsonOut {
  findings: { path: string; line: number; column: number; fingerprint: string; commit?: string }[];
  stats: {
    files: number;
    bytes: number;
    ms: number;
    binary: number;
    skipped: { path: string; reason: string }[];
  };
}

const parse = (s: string) => JSON.parse(s) as JsonOut;
const paths = (out: JsonOut) => out.findings.map((f) => f.path).sort();

describe("moltbook-guard scan PATH", () => {
  let dir: string;
  const key = makeKey();

  beforeAll(() => {
    dir = makeTempDir();
    writeFiles(dir, {
      "src/app.py": `import os\nAPI_KEY = "${key}"\n`,
      "sub/dir/x.py": `x = 1\n\ttoken = '${key}'\n`,
      ".hidden/config.env": `MOLTBOOK_API_KEY=${key}\n`,
      "clean.md": "nothing to see here\n",
      // Ignored by the root .gitignore, and by a nested one.
      ".gitignore": "build/\n*.log\n",
      "build/out.js": `const k = "${key}";\n`,
      "logs/today.log": `${key}\n`,
      "nested/.gitignore": "secret.txt\n!keep.log\n",
      "nested/secret.txt": `${key}\n`,
      "nested/keep.log": `${key}\n`,
      // Binary by content: a NUL byte early on, a key later.
      "image.bin": Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), Buffer.from(key)]),
    });
  });
  afterAll(() => removeTempDir(dir));

  it("scans hidden files, honours nested .gitignore files and skips binaries (scan .)", async () => {
    const run = await runCli(["scan", ".", "--format", "json"], { cwd: dir });
    expect(run.code).toBe(1);
    const out = parse(run.stdout);
    expect(paths(out)).toEqual([".hidden/config.env", "nested/keep.log", "src/app.py", "sub/dir/x.py"]);
    expect(out.findings.find((f) => f.path === "src/app.py")).toMatchObject({ line: 2, column: 12 });
    expect(out.findings.find((f) => f.path === "sub/dir/x.py")).toMatchObject({ line: 2, column: 11 });
    expect(out.stats.binary).toBe(1);
    expect(out.stats.files).toBeGreaterThanOrEqual(6);
    expect(out.stats.bytes).toBeGreaterThan(0);
    expect(typeof out.stats.ms).toBe("number");
  });

  it("prints the same report with the native reader and with the JavaScript reader", async () => {
    const debug = { MOLTBOOK_GUARD_DEBUG: "1" };
    const native = await runCli(["scan", ".", "--format", "json"], { cwd: dir, env: debug });
    const js = await runCli(["scan", ".", "--format", "json"], {
      cwd: dir,
      env: { ...debug, MOLTBOOK_GUARD_NATIVE: "0" },
    });
    // Which reader ran is said in debug mode; in CI the native one must have (npm ci builds it).
    if (process.env.CI === "true") expect(native.stderr).toMatch(/native reader in use/);
    expect(js.stderr).not.toMatch(/native reader in use/);
    const withoutTime = (s: string) => {
      const out = parse(s);
      return { ...out, stats: { ...out.stats, ms: 0 } };
    };
    expect([native.code, withoutTime(native.stdout)]).toEqual([js.code, withoutTime(js.stdout)]);
  });

  it("shows paths as reached from the argument (scan sub/dir, ./sub, a file)", async () => {
    const sub = parse((await runCli(["scan", "sub/dir", "-f", "json"], { cwd: dir })).stdout);
    expect(paths(sub)).toEqual(["sub/dir/x.py"]);
    const dotted = parse((await runCli(["scan", "./sub/", "-f", "json"], { cwd: dir })).stdout);
    expect(paths(dotted)).toEqual(["sub/dir/x.py"]);
    const file = parse((await runCli(["scan", "src/app.py", "-f", "json"], { cwd: `${dir}/src/..` })).stdout);
    expect(paths(file)).toEqual(["src/app.py"]);
    const inside = parse((await runCli(["scan", "-f", "json"], { cwd: `${dir}/sub` })).stdout);
    expect(paths(inside)).toEqual(["dir/x.py"]);
  });

  it("reports a file once when arguments overlap", async () => {
    const out = parse((await runCli(["scan", ".", "src", "src/app.py", "-f", "json"], { cwd: dir })).stdout);
    expect(out.findings.filter((f) => f.path.endsWith("app.py"))).toHaveLength(1);
  });

  it("--no-ignore also scans what .gitignore excludes", async () => {
    const out = parse((await runCli(["scan", ".", "--no-ignore", "-f", "json"], { cwd: dir })).stdout);
    expect(paths(out)).toEqual(
      [
        ".hidden/config.env",
        "build/out.js",
        "logs/today.log",
        "nested/keep.log",
        "nested/secret.txt",
        "src/app.py",
        "sub/dir/x.py",
      ].sort(),
    );
  });

  it("skips files over --max-file-size and reports them on stderr and in the JSON stats", async () => {
    const big = makeTempDir();
    try {
      writeFiles(big, { "big.txt": `${"x".repeat(2000)}\n${key}\n`, "small.txt": "ok\n" });
      const run = await runCli(["scan", ".", "--max-file-size", "1kB", "-f", "json"], { cwd: big });
      expect(run.code).toBe(0);
      const out = parse(run.stdout);
      expect(out.stats.skipped).toEqual([expect.objectContaining({ path: "big.txt", reason: "too-large" })]);
      expect(run.stderr).toMatch(
        /^moltbook-guard: big\.txt was not scanned: .* To resolve, raise --max-file-size/m,
      );
      // 0 lifts the cap.
      const all = await runCli(["scan", ".", "--max-file-size", "0", "-f", "json"], { cwd: big });
      expect(all.code).toBe(1);
      expect(paths(parse(all.stdout))).toEqual(["big.txt"]);
    } finally {
      removeTempDir(big);
    }
  });

  it("reads stdin for -", async () => {
    const run = await runCli(["scan", "-", "-f", "json"], { cwd: dir, input: `line one\nkey: ${key}\n` });
    expect(run.code).toBe(1);
    expect(parse(run.stdout).findings).toEqual([
      expect.objectContaining({ path: "(stdin)", line: 2, column: 6 }),
    ]);
    const clean = await runCli(["scan", "-"], { cwd: dir, input: "nothing\n" });
    expect(clean.code).toBe(0);
  });

  it("exits 0 on a clean tree", async () => {
    const clean = makeTempDir();
    try {
      writeFiles(clean, { "a.txt": "hello\n", "docs/readme.md": "use your own key\n" });
      const run = await runCli(["scan"], { cwd: clean });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/No Moltbook keys found \(2 files/);
      expect(run.stderr).toBe("");
    } finally {
      removeTempDir(clean);
    }
  });
});
