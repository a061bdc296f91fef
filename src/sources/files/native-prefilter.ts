import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PLAIN_NEEDLE_RULE } from "../../detect/match-candidate.js";
import { NEEDLE_LENGTH, NEEDLES } from "../../detect/needles.js";

/** What the native reader found for a file (native/prefilter.c). */
export const Verdict = {
  /** Text with no needle: nothing to scan. */
  clean: 0,
  binary: 1,
  /** Its bytes are in the buffer: JavaScript scans them. */
  scan: 2,
  /** Not read (an error, over the cap, large enough to stream, grew while read): JavaScript reads it. */
  readInJs: 3,
} as const;

export interface NativePrefilter {
  /**
   * Reads paths[from], … into `buf`, setting sizes[i] and verdicts[i], until a file's verdict is
   * scan or readInJs, or the list ends; returns the index after the last file it settled.
   */
  readFiles(
    paths: readonly string[],
    from: number,
    buf: Buffer,
    first: number,
    threshold: number,
    cap: number,
    sizes: Float64Array,
    verdicts: Uint8Array,
  ): number;
}

interface Addon extends NativePrefilter {
  setNeedles(prefixes: Buffer, plainNeedle: number, continuation: Buffer, decoderStart: Buffer): void;
  needleLength: number;
}

const ADDON = "native/build/Release/prefilter.node";

let loaded: NativePrefilter | null | undefined;

/**
 * The native reader, or null where it is not built (see scripts/build-native.mjs) or
 * MOLTBOOK_GUARD_NATIVE=0 turns it off; then the JavaScript reader does the same work.
 */
export function nativePrefilter(): NativePrefilter | null {
  if (loaded !== undefined) return loaded;
  loaded = null;
  if (process.env.MOLTBOOK_GUARD_NATIVE === "0") return loaded;
  const path = findAddon();
  if (!path) {
    debug("native reader not built: files are read in JavaScript");
    return loaded;
  }
  const module = { exports: {} as Addon };
  try {
    process.dlopen(module, path);
    const addon = module.exports;
    if (addon.needleLength !== NEEDLE_LENGTH)
      throw new Error(`it searches ${addon.needleLength}-byte needles`);
    const { needle, continuation, decoderStart } = PLAIN_NEEDLE_RULE;
    addon.setNeedles(
      Buffer.concat(NEEDLES.map((n) => n.text.subarray(0, NEEDLE_LENGTH))),
      needle,
      continuation,
      Buffer.from(decoderStart.buffer, decoderStart.byteOffset, decoderStart.byteLength),
    );
    loaded = addon;
    debug(`native reader in use (${path})`);
  } catch (error) {
    // Built for another Node or from other sources, say: the JavaScript reader is as correct.
    debug(`native reader not loaded (${(error as Error).message.split("\n")[0]})`);
  }
  return loaded;
}

/**
 * The addon in the package's root, found by walking up from this file (the CLI's bundle sits at
 * dist/bin/, the built modules at dist/src/sources/files/, a vitest run at src/sources/files/) to
 * the directory that holds native/binding.gyp, and no further.
 */
function findAddon(): string | null {
  for (let dir = new URL("./", import.meta.url); ; dir = new URL("../", dir)) {
    if (existsSync(new URL("native/binding.gyp", dir))) {
      const addon = new URL(ADDON, dir);
      return existsSync(addon) ? fileURLToPath(addon) : null;
    }
    if (dir.pathname === "/") return null;
  }
}

/** With MOLTBOOK_GUARD_DEBUG set, a line on stderr: the tests and the bench check which reader ran. */
function debug(message: string): void {
  if (process.env.MOLTBOOK_GUARD_DEBUG) process.stderr.write(`moltbook-guard: ${message}\n`);
}
