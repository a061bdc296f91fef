// The configuration's public face: `.github/moltbook-guard.yml` → validated config → policy.
export type { RepoConfig, RevocationMode, IgnoreEntry } from "./repo-config.js";
export type { Policy, Visibility } from "./policy.js";
export type { ConfigError } from "./format-config-issue.js";
export type { ValidatedConfig } from "./validate-config.js";
export { DEFAULT_CONFIG } from "./default-config.js";
export { CONFIG_FILE } from "./format-config-issue.js";
export { validateConfig } from "./validate-config.js";
export { translateConfig } from "./translate-config.js";
export { loadPolicy } from "./load-policy.js";
