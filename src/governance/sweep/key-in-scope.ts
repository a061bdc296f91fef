import type { KeyRecord } from "../../moltbook/types.js";

/**
 * A deployment serves one Moltbook organisation, which may be installed on several GitHub
 * accounts. A key whose project names another account belongs to that account's installation;
 * a key without a usable project belongs to every installation (each reports it as unaccountable).
 */
export function keyInScope(key: Pick<KeyRecord, "project">, account: string): boolean {
  const project = key.project?.trim() ?? "";
  const slash = project.indexOf("/");
  if (slash <= 0 || slash === project.length - 1) return true;
  return project.slice(0, slash).toLowerCase() === account.toLowerCase();
}
