import { DEV_BODY_MAX, DEV_BODY_MIN } from "./key-shape.js";
import { isPlaceholder } from "./is-placeholder.js";

/**
 * The token after `moltdev_` counts as a developer key when it has the shape of a generated
 * secret: 24–64 characters of [A-Za-z0-9_-] mixing upper case, lower case and digits, and no
 * placeholder pattern. Names such as `moltdev_app_settings_for_staging` or `moltdev_ClientSecret`
 * lack that mix. The cost: a random 24-character token lacks a digit with probability ~1.7%
 * (~0.4% at 32 characters), and such a token is not reported.
 */
export function isDevToken(body: string): boolean {
  if (body.length < DEV_BODY_MIN || body.length > DEV_BODY_MAX) return false;
  return /[A-Z]/.test(body) && /[a-z]/.test(body) && /[0-9]/.test(body) && !isPlaceholder(body);
}
