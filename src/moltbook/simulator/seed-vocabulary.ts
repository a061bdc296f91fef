// Made-up people, repositories and habits for a seeded organisation. IPs are from documentation ranges.

export const ORG = "acme";

export const LOGINS = [
  "ada-okafor",
  "bruno-tanaka",
  "chen-li",
  "dara-nwosu",
  "eli-kaplan",
  "fatima-haddad",
  "gus-moreno",
  "hana-sato",
  "ivan-petrov",
  "jo-mensah",
  "kai-berg",
  "lena-fischer",
] as const;

export const REPOS = [
  "support-agent",
  "checkout-bot",
  "moltbook-digest",
  "data-pipeline",
  "docs-site",
  "infra",
  "research-agents",
  "community-mod",
] as const;

export const PURPOSES = [
  "production agent",
  "staging agent",
  "CI smoke tests",
  "local development",
  "nightly analytics export",
  "incident responder bot",
  "community moderation",
] as const;

/** From least to full privilege; earlier levels are more common. */
export const SCOPE_LEVELS: readonly (readonly string[])[] = [
  ["agents:read"],
  ["agents:read"],
  ["agents:read", "posts:write"],
  ["agents:read", "posts:write"],
  ["agents:read", "posts:write", "comments:write"],
  ["agents:read", "agents:write", "posts:write", "comments:write"],
  ["keys:read", "audit:read"],
  ["*"],
];

export const CIDRS = ["192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32"] as const;

export const USER_AGENTS = [
  "moltbook-sdk-python/1.4.2",
  "moltbook-sdk-node/2.1.0",
  "curl/8.5.0",
  null,
] as const;

/** Requests a key with these scopes plausibly makes. */
export function pathsFor(scopes: readonly string[]): [string, string][] {
  const all = scopes.includes("*");
  const paths: [string, string][] = [["GET", "/api/v1/agents/me"]];
  if (all || scopes.includes("agents:read"))
    paths.push(["GET", "/api/v1/feed"], ["GET", "/api/v1/agents/status"]);
  if (all || scopes.includes("posts:write")) paths.push(["POST", "/api/v1/posts"]);
  if (all || scopes.includes("comments:write")) paths.push(["POST", "/api/v1/posts/p_1042/comments"]);
  if (all || scopes.includes("keys:read")) paths.push(["GET", "/api/v1/keys"]);
  if (all || scopes.includes("audit:read")) paths.push(["GET", "/api/v1/audit-logs"]);
  return paths;
}
