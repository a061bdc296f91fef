import { configSchema } from "./config-schema.js";
import { DEFAULT_CONFIG } from "./default-config.js";
import { formatConfigIssue, type ConfigError } from "./format-config-issue.js";
import type { RepoConfig } from "./repo-config.js";
import { allOptionPaths, knownOptionsAt } from "./schema-at-path.js";

export interface ValidatedConfig {
  /** Always complete: what the file says where valid, defaults everywhere else. */
  config: RepoConfig;
  /** Empty when the file is valid. Each names the option and says how to fix it. */
  errors: ConfigError[];
}

type Path = readonly PropertyKey[];
const schemaNames = {
  knownAt: (path: Path) => knownOptionsAt(configSchema, path),
  allPaths: allOptionPaths(configSchema).filter((p) => p.length > 1),
};

/**
 * Stage one: raw YAML in, a complete config out. An invalid option falls back to its default and
 * an invalid list entry is dropped, each with an error, so one typo never switches off the rest
 * of the file (nor switches on anything riskier than the defaults, which are the strictest). A file
 * that is not a mapping at all gives the defaults and one error.
 */
export function validateConfig(raw: unknown): ValidatedConfig {
  const value: unknown = raw === null || raw === undefined ? {} : structuredClone(raw);
  const errors: ConfigError[] = [];
  const seen = new Set<string>();
  // Each round removes what was invalid; a handful of rounds always suffices, as removal ends at the root.
  for (let round = 0; round < 16; round++) {
    const result = configSchema.safeParse(value, { reportInput: true });
    if (result.success) {
      const { _extends, ...config } = result.data;
      void _extends;
      return { config, errors };
    }
    const dropKeys: Path[] = [];
    const dropEntries: { list: Path; index: number }[] = [];
    for (const issue of result.error.issues) {
      for (const error of formatConfigIssue(issue, schemaNames)) {
        if (!seen.has(error.message)) errors.push(error);
        seen.add(error.message);
      }
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) dropKeys.push([...issue.path, key]);
        continue;
      }
      const lastIndex = issue.path.findLastIndex((s) => typeof s === "number");
      if (lastIndex >= 0) {
        dropEntries.push({ list: issue.path.slice(0, lastIndex), index: issue.path[lastIndex] as number });
      } else {
        dropKeys.push(removablePath(value, issue.path));
      }
    }
    if (dropKeys.some((p) => p.length === 0)) break;
    for (const path of dropKeys) deleteAt(value, path);
    // Highest index first, so earlier removals do not shift later ones.
    dropEntries.sort((a, b) => b.index - a.index);
    for (const { list, index } of dropEntries) {
      const array = getAt(value, list);
      if (Array.isArray(array)) array.splice(index, 1);
    }
  }
  return { config: structuredClone(DEFAULT_CONFIG) as RepoConfig, errors };
}

/** The issue's own path if the file has it; else its parent (a rule between options, say). */
function removablePath(root: unknown, path: Path): Path {
  for (let p = path; p.length > 0; p = p.slice(0, -1)) {
    const parent = getAt(root, p.slice(0, -1));
    if (parent && typeof parent === "object" && Object.hasOwn(parent, p[p.length - 1])) return p;
  }
  return [];
}

function getAt(root: unknown, path: Path): unknown {
  let current = root;
  for (const segment of path) {
    if (!current || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function deleteAt(root: unknown, path: Path): void {
  const parent = getAt(root, path.slice(0, -1));
  if (parent && typeof parent === "object")
    delete (parent as Record<PropertyKey, unknown>)[path[path.length - 1]];
}
