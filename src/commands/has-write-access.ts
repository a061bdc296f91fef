const WRITE = new Set(["admin", "maintain", "write", "push"]);

/**
 * Whether a GitHub repository permission may run commands: `admin`, `maintain` and `write` (and
 * `push`, the older name for write some endpoints still return) may; `triage`, `read`, `none`,
 * anything unknown or missing may not.
 */
export function hasWriteAccess(permission: string | null | undefined): boolean {
  return !!permission && WRITE.has(permission.trim().toLowerCase());
}
