import type { MoltbookClient } from "../../moltbook/index.js";
import type { KeyRecord } from "../../moltbook/types.js";
import { keyInScope } from "./key-in-scope.js";

/**
 * The whole inventory (`GET /keys`, every status, paged) as far as it concerns `account`. Revoked
 * and expired keys are kept: they close their issues and fill the dashboard's "revoked" group.
 * Throws if any page fails: a partial inventory would close the issues of the keys it missed.
 */
export async function readInventory(
  moltbook: Pick<MoltbookClient, "keys">,
  account: string,
): Promise<KeyRecord[]> {
  const keys: KeyRecord[] = [];
  for await (const key of moltbook.keys({ status: "all" })) {
    if (keyInScope(key, account)) keys.push(key);
  }
  return keys;
}
