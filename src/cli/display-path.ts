import { isAbsolute, relative } from "node:path";
import { posix } from "node:path";

/**
 * How a scanned argument is shown in findings: as the user reached it from the current directory
 * (`sub/dir` stays `sub/dir`, `./x` becomes `x`), with forward slashes. An absolute argument inside
 * the current directory is shown relative to it, so SARIF locations resolve against the checkout;
 * one outside stays absolute.
 */
export function displayPath(arg: string, abs: string, cwd: string): string {
  let shown = arg;
  if (isAbsolute(arg)) {
    const rel = relative(cwd, abs);
    shown = rel === "" ? "." : rel.startsWith("..") || isAbsolute(rel) ? abs : rel;
  }
  const normal = posix.normalize(shown.split("\\").join("/"));
  return normal.length > 1 ? normal.replace(/\/+$/, "") : normal;
}
