import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scanBuffer } from "../../src/detect/index.js";

const root = join(import.meta.dirname, "..", "..");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe("the detector's own tree", () => {
  it("holds no key in any form: tests build their keys at run time", () => {
    const paths = [...files(join(root, "src/detect")), ...files(join(root, "test/detect"))];
    paths.push(join(root, "bench/detect-throughput.mjs"));
    const found = paths.flatMap((path) => scanBuffer(readFileSync(path), { path }));
    expect(found.map((f) => `${f.path}:${f.line}`)).toEqual([]);
  });
});
