import { LAST_SWEEP_START } from "./dashboard-markers.js";

export type DashboardAction =
  | { type: "revoke"; keyId: string }
  | { type: "sweep" }
  | { type: "snooze"; days: number }
  | { type: "unsnooze" };

// `- [x] <!-- revoke:key_1 --> …`; GitHub writes `[x]`, people may type `[X]`.
const BOX = /^\s{0,3}[-*+] \[([ xX])\] <!-- (revoke:(\S+)|sweep-now|snooze:(\d{1,3})d|unsnooze) -->/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/**
 * The boxes newly ticked between two versions of the dashboard body (an `issues.edited` event's
 * `changes.body.from` and `issue.body`). A box counts only if the old body had the same box
 * unticked: a line pasted in, or a box that was already ticked, does nothing. Each action at most
 * once, in the order of the new body. The caller checks the editor's write access first.
 */
export function parseDashboardChecks(
  oldBody: string | null | undefined,
  newBody: string | null | undefined,
): DashboardAction[] {
  if (!oldBody || !newBody) return [];
  const before = boxes(oldBody);
  const actions: DashboardAction[] = [];
  for (const [marker, box] of boxes(newBody)) {
    if (!box.checked || before.get(marker)?.checked !== false) continue;
    actions.push(box.action);
  }
  return actions;
}

interface Box {
  checked: boolean;
  action: DashboardAction;
}

function boxes(body: string): Map<string, Box> {
  const found = new Map<string, Box>();
  let fence: string | null = null;
  for (const line of body.split(/\r?\n/)) {
    if (line.includes(LAST_SWEEP_START)) continue;
    const f = FENCE.exec(line);
    if (f) {
      if (fence === null) fence = f[1][0];
      else if (f[1][0] === fence) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const m = BOX.exec(line);
    if (!m || found.has(m[2])) continue;
    const action = toAction(m);
    if (action) found.set(m[2], { checked: m[1] !== " ", action });
  }
  return found;
}

function toAction(m: RegExpExecArray): DashboardAction | null {
  if (m[3] !== undefined) {
    try {
      return { type: "revoke", keyId: decodeURIComponent(m[3]) };
    } catch {
      return null;
    }
  }
  if (m[4] !== undefined) return { type: "snooze", days: Number(m[4]) };
  return m[2] === "sweep-now" ? { type: "sweep" } : { type: "unsnooze" };
}
