import { mention } from "./mention.js";
import { COMMAND_PREFIX } from "./types.js";

/** The polite no, for someone without write access to the repository. */
export function renderRefusal(login: string): string {
  return (
    `Thanks, ${mention(login)}. Only people with write access to this repository can run \`${COMMAND_PREFIX}\` ` +
    "commands, so I have not done anything. A maintainer can run it for you if it is still needed."
  );
}
