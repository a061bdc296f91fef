import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { walkFiles } from "../../../src/sources/files/walk-files.js";
import { makeTempDir, removeTempDir, writeFiles } from "../../support/cli/temp-dir.js";

describe("walkFiles", () => {
  let root: string;
  const list = (dir: string, display: string, gitignore = true) =>
    [...walkFiles(dir, display, { gitignore })].map((f) => f.path);

  beforeAll(() => {
    root = makeTempDir("mg-walk-");
    writeFiles(root, {
      ".git/config": "[core]\n",
      ".git/info/exclude": "local-only.txt\n",
      ".gitignore": "*.log\nbuild/\n/top-only.txt\n",
      ".env": "A=1\n",
      "top-only.txt": "x",
      "local-only.txt": "x",
      "a.txt": "x",
      "b/c.txt": "x",
      "b/debug.log": "x",
      "b/top-only.txt": "x",
      "build/out.js": "x",
      "pkg/.gitignore": "!keep.log\ngenerated/\n",
      "pkg/keep.log": "x",
      "pkg/other.log": "x",
      "pkg/generated/g.ts": "x",
      "pkg/src/generated": "a file, not a directory",
      "pkg/src/deep/.gitignore": "*\n!.gitignore\n",
      "pkg/src/deep/hidden.ts": "x",
    });
    mkdirSync(join(root, "loop"));
    symlinkSync(root, join(root, "loop", "back"));
    symlinkSync(join(root, "a.txt"), join(root, "link.txt"));
  });
  afterAll(() => removeTempDir(root));

  it("lists and opens by the shown paths when they reach the files from the current directory", () => {
    const display = relative(process.cwd(), root);
    const read = [...walkFiles(root, display, { gitignore: true, readByPath: true })];
    const byAbs = [...walkFiles(root, display, { gitignore: true })];
    expect(read.map((f) => f.path)).toEqual(byAbs.map((f) => f.path));
    expect(read.length).toBeGreaterThan(5);
    for (const f of read) {
      expect(f.open).toBe(f.path);
      expect(realpathSync(f.open)).toBe(realpathSync(f.abs));
    }
    expect(byAbs.every((f) => f.open === f.abs)).toBe(true);
  });

  it("applies .gitignore files as git does: nested, negated, anchored, directory-only, info/exclude", () => {
    expect(list(root, ".")).toEqual([
      ".env",
      ".gitignore",
      "a.txt",
      "b/c.txt",
      "b/top-only.txt",
      "pkg/.gitignore",
      "pkg/keep.log",
      "pkg/src/generated",
      "pkg/src/deep/.gitignore",
    ]);
  });

  it("never enters .git nor follows symbolic links; --no-ignore lists everything else", () => {
    const all = list(root, "r", false);
    expect(all).not.toContainEqual(expect.stringMatching(/\.git\/|loop\/back|link\.txt/));
    expect(all).toContain("r/build/out.js");
    expect(all).toContain("r/pkg/src/deep/hidden.ts");
    expect(all).toContain("r/local-only.txt");
  });

  it("honours the .gitignore files above a subdirectory up to the repository's top", () => {
    expect(list(join(root, "b"), "b")).toEqual(["b/c.txt", "b/top-only.txt"]);
    expect(list(join(root, "pkg"), "pkg")).toEqual([
      "pkg/.gitignore",
      "pkg/keep.log",
      "pkg/src/generated",
      "pkg/src/deep/.gitignore",
    ]);
  });

  it("outside a repository, reads only the .gitignore files inside the tree", () => {
    const plain = makeTempDir("mg-walk-plain-");
    try {
      writeFiles(plain, { ".gitignore": "skip/\n", "skip/x": "x", "keep/y": "y" });
      writeFileSync(join(plain, "z"), "z");
      expect(list(plain, "p")).toEqual(["p/.gitignore", "p/z", "p/keep/y"]);
    } finally {
      removeTempDir(plain);
    }
  });
});
