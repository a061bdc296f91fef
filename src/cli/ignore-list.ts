import { readFileSync } from "node:fs";

/** Fingerprints to leave out, each with the reason someone gave for it. */
export type IgnoreList = Map<string, string>;

export const IGNORE_FILE = ".moltbook-guard-ignore";

const LINE = /^(sha256:[0-9a-f]{64})\s*(?:#\s*(.*?))?\s*$/;

/**
 * Parses `.moltbook-guard-ignore`: one key fingerprint per line, with a reason after `#`. Matching by
 * fingerprint, not by place, keeps a key ignored when it moves. A reason is required, so every
 * exception says why it is safe.
 */
export function parseIgnoreList(text: string, file: string, into: IgnoreList = new Map()): IgnoreList {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "" || line.startsWith("#")) continue;
    const m = LINE.exec(line);
    if (!m) {
      throw new Error(
        `${file}:${i + 1} is not a fingerprint line. To resolve, write "sha256:<64 hex digits>  # reason", ` +
          "copying the fingerprint from the scan's output.",
      );
    }
    if (!m[2]) {
      throw new Error(
        `${file}:${i + 1} ignores ${m[1].slice(0, 15)}… without a reason. To resolve, add why it is safe after ` +
          `a "#" on the same line, e.g. "${m[1].slice(0, 15)}…  # test fixture, key revoked".`,
      );
    }
    into.set(m[1], m[2]);
  }
  return into;
}

/** Reads ignore files into one list. A missing file is fine unless `required` (given with --ignore-file). */
export function loadIgnoreList(files: readonly string[], required: boolean): IgnoreList {
  const list: IgnoreList = new Map();
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      if (!required && e.code === "ENOENT") continue;
      throw new Error(
        `cannot read the ignore file ${file} (${e.code ?? e.message}). To resolve, pass a readable file to --ignore-file.`,
        {
          cause: error,
        },
      );
    }
    parseIgnoreList(text, file, list);
  }
  return list;
}
