import { redactKeys } from "../../detect/index.js";

/**
 * The last line of defence: every renderer passes its output through this, so a key that reached
 * a free-text field (an error message, a key name, a path) prints as its redacted form.
 */
export const scrubKeys = redactKeys;

export { containsKeyShaped } from "../../detect/index.js";
