/** `sha256:` + the lower-case hex SHA-256 of the whole key, as the Moltbook contract defines it. */
export function fingerprint(key: string): string {
  // node:crypto is loaded on the first key, not at start-up: a clean scan (most pre-commit hooks)
  // never needs it, and loading it is a measurable part of the CLI's start-up.
  const { createHash } = process.getBuiltinModule("node:crypto");
  return `sha256:${createHash("sha256").update(key, "utf8").digest("hex")}`;
}
