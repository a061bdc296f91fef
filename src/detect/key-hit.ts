import type { Encoding, FindingKind } from "./finding.js";

/** A key found in a buffer, before it is placed in a file. */
export interface KeyHit {
  /** Where the key, or the encoded text holding it, starts. */
  offset: number;
  kind: FindingKind;
  key: string;
  encoding: Encoding;
}
