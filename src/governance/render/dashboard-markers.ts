// The hidden markers of the dashboard issue. Checkbox markers sit right after `- [ ] ` on a line,
// as in Renovate's Dependency Dashboard, so ticking a box changes only that character.

export const DASHBOARD_MARKER = "<!-- moltbook-guard:dashboard -->";
export const LAST_SWEEP_START = "<!-- moltbook-guard:last-sweep -->";
export const LAST_SWEEP_END = "<!-- /moltbook-guard:last-sweep -->";

export const SWEEP_NOW = "<!-- sweep-now -->";
export const UNSNOOZE = "<!-- unsnooze -->";

export function snoozeMarker(days: number): string {
  return `<!-- snooze:${days}d -->`;
}

/** Key ids outside `[A-Za-z0-9_.:-]` are percent-encoded so none can close the comment early. */
export function revokeMarker(keyId: string): string {
  const id = /^[A-Za-z0-9_.:-]+$/.test(keyId) ? keyId : encodeURIComponent(keyId);
  return `<!-- revoke:${id} -->`;
}

/** True when a body is the dashboard's (so an `issues.edited` event may carry ticked boxes). */
export function isDashboardBody(body: string | null | undefined): boolean {
  return !!body && body.includes(DASHBOARD_MARKER);
}
