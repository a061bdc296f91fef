import { readFileSync } from "node:fs";

let cached: string | undefined;

/**
 * The version in package.json, found by walking up from this file: the built CLI sits at
 * dist/src/cli/, a tsx run at src/cli/, and an npm install somewhere else again.
 */
export function packageVersion(): string {
  if (cached) return cached;
  for (let dir = new URL("./", import.meta.url); ; dir = new URL("../", dir)) {
    try {
      const pkg = JSON.parse(readFileSync(new URL("package.json", dir), "utf8")) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === "moltbook-guard" && pkg.version) return (cached = pkg.version);
    } catch {
      // No package.json here; keep walking.
    }
    if (dir.pathname === "/") return (cached = "0.0.0");
  }
}
