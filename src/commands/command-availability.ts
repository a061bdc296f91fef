import { COMMAND_SPECS } from "./command-specs.js";
import type { CommandName, CommandPlace } from "./types.js";

const PLACE: Record<CommandPlace, string> = {
  pull_request: "pull requests",
  incident: "leak incidents",
  governance_issue: "governance issues",
  dashboard: "the governance dashboard",
};

/**
 * Whether a (permitted) command makes sense where it was written. `revoke` on a leak is for
 * repositories where automatic revocation is off: otherwise the key was revoked when it was found.
 */
export function commandAvailability(
  name: CommandName,
  place: CommandPlace,
  options: { autoRevocation: boolean },
): { ok: true } | { ok: false; reason: string } {
  const spec = COMMAND_SPECS[name];
  if (!spec.places.includes(place)) {
    return {
      ok: false,
      reason: `it works on ${spec.places.map((p) => PLACE[p]).join(", ")}, not on ${PLACE[place]}`,
    };
  }
  if (name === "revoke" && place !== "governance_issue" && options.autoRevocation) {
    return {
      ok: false,
      reason:
        "automatic revocation is on here, so the key was revoked as soon as it was found (the incident shows the outcome)",
    };
  }
  return { ok: true };
}
