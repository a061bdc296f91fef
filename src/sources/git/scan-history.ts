import { COMMIT_MESSAGE_PATH, scanBuffer, type Finding } from "../../detect/index.js";
import { BlobScanner, type OnBlob } from "./blob-scanner.js";
import { CatFileBatch } from "./cat-file-batch.js";
import { HistoryAttribution } from "./history-attribution.js";
import { RAW_LOG_FORMAT, RawLogParser } from "./raw-log-parser.js";
import type { DiffStreamResult } from "./scan-diff-stream.js";
import { spawnGit } from "./spawn-git.js";

export interface HistoryOptions {
  /** The repository (any directory inside it). */
  cwd: string;
  /** A revision range such as `main..HEAD`; without it, every commit reachable from any ref. */
  range?: string;
  onProgress?: (commits: number, bytes: number) => void;
}

/**
 * The `git log` arguments for a history scan: every commit's message and the blob ids of the files
 * it changed, not their diffs (which would make git inflate both versions of every file and diff
 * them). No rename detection, so a renamed file's content counts as added at its new path; `--root`
 * so the first commit's files are there whatever `log.showRoot` says. Textconv and external diff
 * drivers do not apply to `--raw`.
 */
export function historyArgs(range?: string): string[] {
  return [
    "log",
    "--raw",
    "-z",
    "--no-renames",
    "--no-abbrev",
    "--root",
    "--no-color",
    `--format=${RAW_LOG_FORMAT}`,
    // A range is data, never an option: `--end-of-options` stops `--output=…` from being obeyed.
    ...(range ? ["--end-of-options", range] : ["--all"]),
    "--",
  ];
}

/** What a history scan found and read; `binary` counts the blobs skipped as binary (by content). */
export interface HistoryResult extends DiffStreamResult {
  /** Commits listed. */
  commits: number;
  binary: number;
}

/**
 * Blobs are read by this many `git cat-file` processes, each given the paths that hash to it (so
 * the versions of a file, which git stores as deltas of each other, share one delta cache).
 * Inflating blobs is most of a history scan's work; two readers measured faster on 2 cores.
 */
const BLOB_READERS = 2;

/**
 * Scans a history with `git log --raw`, which lists each commit's message and the blobs it adds or
 * changes, and long-running `git cat-file --batch` processes that stream those blobs, each scanned
 * whole, once while it is in flight. A key is reported at the commit and path where it appears:
 * in a blob that commit added or changed, unless the parent's version of that file held it too
 * (see HistoryAttribution). Keys in commit messages come with the path "(commit message)".
 * `bytes` counts the blob content read (binaries, skipped by content, included); `commits` the
 * commits listed. Merge commits show no changes, as in `git log -p`.
 */
export async function scanHistory(options: HistoryOptions): Promise<HistoryResult> {
  const { cwd, onProgress } = options;
  const out: HistoryResult = { findings: [], bytes: 0, commits: 0, binary: 0 };
  const attribution = new HistoryAttribution();
  const open = (onBlob: OnBlob) =>
    CatFileBatch.start(
      cwd,
      new BlobScanner((id, findings, bytes, binary) => {
        out.bytes += bytes;
        if (binary) out.binary++;
        onProgress?.(0, bytes);
        onBlob(id, findings, bytes, binary);
      }),
    );
  // The readers start with the log, so they are up by the time its first blob ids arrive.
  const readers = Promise.all(
    Array.from({ length: BLOB_READERS }, () => open((id, findings) => attribution.blob(id, findings))),
  );
  const log = spawnGit(historyArgs(options.range), cwd);
  let oldReader: CatFileBatch | undefined;
  try {
    const readLog = async () => {
      const parser = new RawLogParser();
      for await (const chunk of log.stdout) {
        const ids: string[][] = Array.from({ length: BLOB_READERS }, () => []);
        for (const item of parser.write(chunk as Buffer)) {
          if (item.kind === "commit") {
            out.commits++;
            onProgress?.(1, 0);
            attribution.commit(item.sha, scanBuffer(item.message, { path: COMMIT_MESSAGE_PATH }));
          } else {
            const id = attribution.change(item);
            if (id !== null) ids[pathHash(item.path) % BLOB_READERS].push(id);
          }
        }
        // Awaiting pauses the log while a reader is behind: memory holds a bounded number of requests.
        const started = await readers;
        await Promise.all(started.map((reader, i) => reader.request(ids[i])));
      }
      parser.end();
    };
    await Promise.all([readLog(), log.done]);
    const started = await readers;
    for (const reader of started) reader.end();
    await Promise.all(started.map((reader) => reader.done));
    const oldFindings = new Map<string, Finding[]>();
    const oldIds = attribution.oldBlobsToRead();
    if (oldIds.length > 0) {
      oldReader = await open((id, findings) => oldFindings.set(id, findings));
      await oldReader.request(oldIds);
      oldReader.end();
      await oldReader.done;
    }
    out.findings = attribution.findings(oldFindings);
    return out;
  } catch (error) {
    log.kill();
    for (const reader of await readers.catch(() => [])) reader.kill();
    oldReader?.kill();
    throw error;
  }
}

/** FNV-1a over the path's UTF-16 code units: which reader a path's blobs go to. */
function pathHash(path: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
