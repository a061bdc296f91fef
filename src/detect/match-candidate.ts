import type { Encoding } from "./finding.js";
import type { KeyHit } from "./key-hit.js";
import {
  API_BODY_LENGTH,
  API_PREFIX,
  DEV_BODY_MIN,
  DEV_PREFIX,
  KEY_BYTE,
  MAX_KEY_TEXT,
} from "./key-shape.js";
import { matchKeyText, type KeyMatch } from "./match-key-text.js";
import { NEEDLE_LENGTH, NEEDLES, PLAIN_API_NEEDLE } from "./needles.js";
import { readBase64 } from "./read-base64.js";
import { readEscaped } from "./read-escaped.js";
import { readJoined } from "./read-joined.js";
import { readPercent } from "./read-percent.js";
import { LOOKBACK } from "./scan-window.js";

const API = Buffer.from(API_PREFIX);
const DEV = Buffer.from(DEV_PREFIX);

function startsWith(data: Uint8Array, at: number, prefix: Uint8Array): boolean {
  if (at + prefix.length > data.length) return false;
  for (let j = 0; j < prefix.length; j++) if (data[at + j] !== prefix[j]) return false;
  return true;
}

function hit(offset: number, match: KeyMatch | null, encoding: Encoding): KeyHit | null {
  return match ? { offset, kind: match.kind, key: match.key, encoding } : null;
}

/** A decoder's result counts only if it decoded something inside the key. */
function decoded(offset: number, match: KeyMatch | null, at: number, encoding: Encoding): KeyHit | null {
  return match && at >= 0 && at < match.key.length ? hit(offset, match, encoding) : null;
}

/** The bytes that end a run of key bytes and hand what follows to a decoder (see matchPrefixed). */
const DECODER_START = new Uint8Array(256);
for (const c of "%\\\"'`") DECODER_START[c.charCodeAt(0)] = 1;

/**
 * canStartKey's data, for the native reader (native/prefilter.c), which applies the same rule
 * before it hands a file to JavaScript: the plain needle, the bytes a key goes on with after it,
 * and the bytes a decoder starts at.
 */
export const PLAIN_NEEDLE_RULE = {
  needle: PLAIN_API_NEEDLE,
  continuation: API.subarray(NEEDLE_LENGTH),
  decoderStart: DECODER_START,
} as const;

/**
 * Whether the needle NEEDLES[needle] at `at` can start a key at all. Only a plain `moltbook` is
 * ever ruled out, and only where matchCandidate would find nothing: the decoders take over where
 * the run of key bytes after the needle ends, and the run before that point is kept verbatim, so a
 * run that leaves `moltbook_sk_` (`moltbook_client`, `moltbookUserId`) or ends on a byte no decoder
 * starts at (`moltbook.example`, `moltbook/sdk`) starts no key. Most `moltbook`s in real code are
 * such names, and a file whose needles are all ruled out here is spared the full scan.
 */
export function canStartKey(data: Uint8Array, at: number, needle: number, limit: number): boolean {
  if (needle !== PLAIN_API_NEEDLE) return true;
  for (let j = NEEDLE_LENGTH; j < API.length; j++) {
    if (at + j >= limit) return false;
    const c = data[at + j];
    if (c !== API[j]) return DECODER_START[c] === 1;
  }
  return true;
}

/** `moltbook…` or `moltdev_`: a plain key, or the plain start of a joined, %-encoded or escaped one. */
function matchPrefixed(data: Buffer, at: number, limit: number, diffLines: boolean): KeyHit | null {
  const api = startsWith(data, at, API);
  const dev = !api && startsWith(data, at, DEV);
  const stop = Math.min(limit, at + MAX_KEY_TEXT);
  let end = at;
  while (end < stop && KEY_BYTE[data[end]] === 1) end++;
  if (api || dev) {
    const run = end - at;
    const complete = api
      ? run === API.length + API_BODY_LENGTH
      : run >= DEV.length + DEV_BODY_MIN && run < MAX_KEY_TEXT;
    if (complete) return hit(at, matchKeyText(data.toString("latin1", at, end)), "plain");
    // Too long already: no decoding can make it shorter.
    if (run >= MAX_KEY_TEXT || (api && run > API.length + API_BODY_LENGTH)) return null;
  }
  if (end >= limit) return null;
  const c = data[end];
  const next = data[end + 1];
  if (c === 0x25) {
    const r = readPercent(data, at, limit);
    return decoded(at, matchKeyText(r.text), r.decodedAt, "percent");
  }
  if (c === 0x5c && (next === 0x75 || next === 0x78)) {
    const r = readEscaped(data, at, limit);
    return decoded(at, matchKeyText(r.text), r.decodedAt, "escape");
  }
  if (c === 0x22 || c === 0x27 || c === 0x60 || (c === 0x5c && (next === 0x0a || next === 0x0d))) {
    const r = readJoined(data, at, limit, diffLines);
    return r.how ? decoded(at, matchKeyText(r.text), r.joinedAt, r.how) : null;
  }
  return null;
}

/**
 * Confirms the needle NEEDLES[needle] found at `at` and decodes the key it starts, if any.
 * `limit` bounds every read; LOOKBACK bounds the look behind.
 */
export function matchCandidate(
  data: Buffer,
  at: number,
  needle: number,
  limit: number,
  diffLines: boolean,
): KeyHit | null {
  const n = NEEDLES[needle];
  switch (n.kind) {
    case "prefix":
      return canStartKey(data, at, needle, limit) ? matchPrefixed(data, at, limit, diffLines) : null;
    case "percent": {
      const r = readPercent(data, at, limit);
      return decoded(at, matchKeyText(r.text), r.decodedAt, "percent");
    }
    case "escape": {
      const r = readEscaped(data, at, limit);
      return decoded(at, matchKeyText(r.text), r.decodedAt, "escape");
    }
    case "base64": {
      if (at + n.text.length > limit || !startsWith(data, at, n.text)) return null;
      const quantum = at - n.offset;
      const r = readBase64(data, quantum, n.alignment, at - LOOKBACK, limit, diffLines);
      const match = r && matchKeyText(r.text);
      return match && r ? hit(quantum, match, r.urlSafe ? "base64url" : "base64") : null;
    }
  }
}
