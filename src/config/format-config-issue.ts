import type { z } from "zod";
import { nearestName } from "./nearest-name.js";
import { quoteValue } from "./quote-value.js";

export interface ConfigError {
  /** `revocation.public`, `ignore[0].reason`, or `` for the whole file. */
  path: string;
  /** The whole line, path first: `revocation.public: expected …. To resolve, ….` */
  message: string;
}

export const CONFIG_FILE = ".github/moltbook-guard.yml";

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, segment) =>
      typeof segment === "number"
        ? `${out}[${segment}]`
        : out
          ? `${out}.${String(segment)}`
          : String(segment),
    "",
  );
}

/**
 * One zod issue as errors people can act on. The schema's messages say what was expected and how
 * to fix it, with `{path}` and `{got}` left for here; unknown options get a "did you mean".
 */
export function formatConfigIssue(
  issue: z.core.$ZodIssue,
  schema: { knownAt(path: readonly PropertyKey[]): string[]; allPaths: readonly string[][] },
): ConfigError[] {
  if (issue.code === "unrecognized_keys") {
    const known = schema.knownAt(issue.path);
    return issue.keys.map((key) => {
      const path = formatPath([...issue.path, key]);
      const near = nearestName(key, known);
      if (near) {
        const message = `${path}: unknown option; did you mean ${formatPath([...issue.path, near])}? To resolve, rename it to ${near} or remove it.`;
        return { path, message };
      }
      // An option written at the wrong level, e.g. `public:` at the top instead of under `revocation:`.
      const elsewhere = schema.allPaths.find((p) => nearestName(key, [p[p.length - 1]]) !== undefined);
      const message = elsewhere
        ? `${path}: unknown option here; did you mean ${formatPath(elsewhere)}? To resolve, move it under ${formatPath(elsewhere.slice(0, -1))}: or remove it.`
        : `${path}: unknown option. To resolve, remove it, or use one of: ${known.join(", ")}.`;
      return { path, message };
    });
  }
  const path = formatPath(issue.path);
  const where = path || CONFIG_FILE;
  const text = issue.message
    .replaceAll("{path}", path || "the file")
    .replaceAll("{got}", quoteValue((issue as { input?: unknown }).input));
  return [{ path, message: `${where}: ${text}` }];
}
