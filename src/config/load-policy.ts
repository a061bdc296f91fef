import { translateConfig } from "./translate-config.js";
import { validateConfig } from "./validate-config.js";
import type { ConfigError } from "./format-config-issue.js";
import type { Policy } from "./policy.js";

/** Both stages in one call, for callers that hold raw YAML: the policy always, errors to report. */
export function loadPolicy(raw: unknown): { policy: Policy; errors: ConfigError[] } {
  const { config, errors } = validateConfig(raw);
  return { policy: translateConfig(config), errors };
}
