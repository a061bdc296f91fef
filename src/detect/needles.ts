import { API_BASE64_NEEDLES, DEV_BASE64_NEEDLES } from "./base64-needles.js";

export type NeedleKind = "prefix" | "base64" | "percent" | "escape";

export interface Needle {
  kind: NeedleKind;
  /** The full text to confirm at the match; its first NEEDLE_LENGTH bytes are what the prefilter looks for. */
  text: Buffer;
  /** base64 only: bytes of the group before the prefix, and where `text` sits in its 4-character group. */
  alignment: number;
  offset: number;
}

/** Every needle is searched by its first 8 bytes (see find-needles.ts). */
export const NEEDLE_LENGTH = 8;

const make = (kind: NeedleKind, text: string, alignment = 0, offset = 0): Needle => ({
  kind,
  text: Buffer.from(text, "latin1"),
  alignment,
  offset,
});

/**
 * The fixed strings that start every form of a key we decode: the plain prefixes (which also
 * start concatenated, continued, partly %-encoded or partly escaped keys), the prefixes in base64
 * at all three alignments, and the fully %-encoded or `\u`/`\x`-escaped start of `molt…` in both
 * hex cases.
 */
export const NEEDLES: readonly Needle[] = [
  make("prefix", "moltbook"),
  make("prefix", "moltdev_"),
  ...[...API_BASE64_NEEDLES, ...DEV_BASE64_NEEDLES].map((n) => make("base64", n.text, n.alignment, n.offset)),
  make("percent", "%6D%6F%6"),
  make("percent", "%6d%6f%6"),
  make("escape", "\\u006d\\u"),
  make("escape", "\\u006D\\u"),
  make("escape", "\\u{6d}\\u"),
  make("escape", "\\u{6D}\\u"),
  make("escape", "\\x6d\\x6f"),
  make("escape", "\\x6D\\x6F"),
];

/** Where the plain `moltbook` is in NEEDLES. */
export const PLAIN_API_NEEDLE = NEEDLES.findIndex(
  (n) => n.kind === "prefix" && n.text.equals(Buffer.from("moltbook")),
);
