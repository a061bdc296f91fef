import { findNeedles } from "./find-needles.js";
import type { KeyHit } from "./key-hit.js";
import { matchCandidate } from "./match-candidate.js";
import { HOLD } from "./scan-window.js";

/**
 * Every key whose needle starts in [from, to), in the order of where the key starts. The needle
 * search is the only pass over all the bytes; everything else looks at a window around a needle.
 */
export function findKeyHits(data: Buffer, from: number, to: number, diffLines: boolean): KeyHit[] {
  const found: number[] = [];
  findNeedles(data, from, to, found);
  const hits: KeyHit[] = [];
  for (let k = 0; k < found.length; k += 2) {
    const at = found[k];
    const hit = matchCandidate(data, at, found[k + 1], Math.min(data.length, at + HOLD), diffLines);
    if (hit) hits.push(hit);
  }
  // A base64 key starts a few bytes before its needle, so order by where keys start.
  return hits.length > 1 ? hits.sort((a, b) => a.offset - b.offset) : hits;
}
