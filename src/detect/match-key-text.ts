import type { FindingKind } from "./finding.js";
import { isDevToken } from "./is-dev-token.js";
import { isPlaceholder } from "./is-placeholder.js";
import {
  API_BODY_LENGTH,
  API_PREFIX,
  DEV_BODY_MAX,
  DEV_BODY_MIN,
  DEV_PREFIX,
  KEY_BYTE,
} from "./key-shape.js";

export interface KeyMatch {
  kind: FindingKind;
  key: string;
}

/**
 * The key at the very start of `text`, which a reader decoded from the input, or null. The body
 * must end where `text` ends or at a character outside the key alphabet: a longer run is not a key.
 */
export function matchKeyText(text: string): KeyMatch | null {
  if (text.startsWith(API_PREFIX)) {
    const end = bodyEnd(text, API_PREFIX.length);
    if (end - API_PREFIX.length !== API_BODY_LENGTH) return null;
    const key = text.slice(0, end);
    return isPlaceholder(key.slice(API_PREFIX.length)) ? null : { kind: "moltbook_api_key", key };
  }
  if (text.startsWith(DEV_PREFIX)) {
    const end = bodyEnd(text, DEV_PREFIX.length);
    const length = end - DEV_PREFIX.length;
    if (length < DEV_BODY_MIN || length > DEV_BODY_MAX) return null;
    const key = text.slice(0, end);
    return isDevToken(key.slice(DEV_PREFIX.length)) ? { kind: "moltbook_dev_key", key } : null;
  }
  return null;
}

function bodyEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c > 255 || KEY_BYTE[c] === 0) break;
    i++;
  }
  return i;
}
