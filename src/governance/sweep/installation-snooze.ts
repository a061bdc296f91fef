import type { Store } from "../../store/index.js";

// The store keeps snoozes on governance-issue rows. The installation-wide snooze (the dashboard's
// "snooze 7 days") is one more row with a key id no Moltbook key has, so it survives restarts and
// is shared by every instance without a table of its own.
const KEY_ID = "*";
const KIND = "installation_snooze";

/** Until when new governance issues are paused for the installation, or null. */
export async function installationSnoozedUntil(store: Store, installationId: number): Promise<Date | null> {
  return (await store.getGovernanceIssue(installationId, KEY_ID, KIND))?.snoozedUntil ?? null;
}

/** Pauses new governance issues until `until`; null ends the snooze. */
export async function snoozeInstallation(
  store: Store,
  installationId: number,
  governanceRepo: string,
  until: Date | null,
): Promise<void> {
  if (!(await store.getGovernanceIssue(installationId, KEY_ID, KIND))) {
    await store.saveGovernanceIssue({
      installationId,
      keyId: KEY_ID,
      kind: KIND,
      repo: governanceRepo,
      number: 0,
      state: "closed",
      contentHash: null,
    });
  }
  await store.snoozeGovernanceIssue(installationId, KEY_ID, KIND, until);
}

/** True for the snooze row, which listings of per-key issues skip. */
export function isInstallationSnoozeRow(row: { keyId: string; kind: string }): boolean {
  return row.keyId === KEY_ID && row.kind === KIND;
}
