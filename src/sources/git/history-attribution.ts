import type { Finding } from "../../detect/index.js";
import type { RawChange } from "./raw-log-parser.js";

/** A file a commit added or changed, whose new content is a blob to scan. */
interface BlobChange {
  /** Position in the log, for a deterministic order: a commit, then its changes. */
  seq: number;
  commit: string;
  path: string;
  /** The parent's blob at that path, null if there was none (or not a blob). */
  oldId: string | null;
  newId: string;
}

interface Placed {
  seq: number;
  finding: Finding;
}

const GITLINK = "160000";
const isNone = (id: string) => /^0+$/.test(id);

/**
 * Decides which keys of a history to report, from the blobs each commit adds or changes. A key in
 * a change's new blob is reported (at that path and commit) unless the old blob at that path held
 * it too: a key carried over from the parent is not new, one moved to a new path or re-added after
 * its removal is. Only blobs with findings are remembered, and a change is decided as soon as both
 * its blobs' keys are known, so memory holds findings and the blobs in flight, nothing per commit.
 *
 * Feed it the log in order (`commit`, then its `change`s); `change` says which new blobs to read;
 * give each read blob's findings to `blob`. At the end, read the blobs `oldBlobsToRead` lists (old
 * blobs never read, or read while clean and forgotten) and pass their findings to `findings`, once.
 */
export class HistoryAttribution {
  #seq = 0;
  #commit = "";
  /** New blobs asked for and not yet answered, with the changes waiting for them. */
  readonly #waiting = new Map<string, BlobChange[]>();
  /** Blobs that had findings (few): their findings, with no path or commit. */
  readonly #found = new Map<string, Finding[]>();
  /** Changes whose new blob had findings, waiting for the keys of their old blob. */
  readonly #unsettled: BlobChange[] = [];
  /** What is decided: message findings, and new keys of settled changes. */
  readonly #reported: Placed[] = [];

  /** Starts a commit; `messageFindings` are the keys in its message. */
  commit(sha: string, messageFindings: readonly Finding[]): void {
    this.#commit = sha;
    const seq = this.#seq++;
    for (const finding of messageFindings) this.#reported.push({ seq, finding: { ...finding, commit: sha } });
  }

  /** A raw change of the current commit; returns the blob id to read, or null if none is needed. */
  change(raw: RawChange): string | null {
    // Deleted files and submodules (gitlinks, whose id names a commit) have no new content.
    if (isNone(raw.newId) || raw.newMode === GITLINK) return null;
    const oldId = isNone(raw.oldId) || raw.oldMode === GITLINK ? null : raw.oldId;
    // A mode change alone adds nothing.
    if (oldId === raw.newId) return null;
    const change: BlobChange = {
      seq: this.#seq++,
      commit: this.#commit,
      path: raw.path,
      oldId,
      newId: raw.newId,
    };
    if (this.#found.has(change.newId)) {
      this.#settle(change);
      return null;
    }
    const waiting = this.#waiting.get(change.newId);
    if (waiting) {
      waiting.push(change);
      return null;
    }
    this.#waiting.set(change.newId, [change]);
    return change.newId;
  }

  /** The findings of a blob that `change` asked for (none if it was binary or missing). */
  blob(id: string, findings: Finding[]): void {
    const changes = this.#waiting.get(id);
    this.#waiting.delete(id);
    if (findings.length === 0 || !changes) return;
    this.#found.set(id, findings);
    for (const change of changes) this.#settle(change);
  }

  /** New blobs asked for and not answered yet. */
  get inFlight(): number {
    return this.#waiting.size;
  }

  /** Old blobs whose keys decide what to report and are not known: clean or never read. */
  oldBlobsToRead(): string[] {
    const ids = new Set<string>();
    for (const { oldId } of this.#unsettled) if (oldId !== null && !this.#found.has(oldId)) ids.add(oldId);
    return [...ids];
  }

  /**
   * The findings to report, in the log's order, then by line and column. `oldFindings` holds the
   * findings of every blob `oldBlobsToRead` listed (none for a clean one).
   */
  findings(oldFindings: ReadonlyMap<string, readonly Finding[]>): Finding[] {
    for (const change of this.#unsettled.splice(0)) {
      const old = oldFindings.get(change.oldId as string);
      if (!this.#settle(change, old)) {
        throw new Error(`the history scan did not read blob ${change.oldId}, which it needs`);
      }
    }
    const placed = this.#reported;
    placed.sort(
      (a, b) => a.seq - b.seq || a.finding.line - b.finding.line || a.finding.column - b.finding.column,
    );
    return placed.map((p) => p.finding);
  }

  /**
   * Reports the keys of the change's new blob that its old blob lacks, as soon as the old blob's
   * keys are known (a change carrying a key over is then dropped); otherwise keeps it for later.
   */
  #settle(change: BlobChange, oldFindings?: readonly Finding[]): boolean {
    const old = change.oldId === null ? [] : (this.#found.get(change.oldId) ?? oldFindings);
    if (!old) {
      this.#unsettled.push(change);
      return false;
    }
    const before = new Set(old.map((f) => f.fingerprint));
    for (const f of this.#found.get(change.newId) ?? []) {
      if (!before.has(f.fingerprint)) {
        this.#reported.push({ seq: change.seq, finding: { ...f, path: change.path, commit: change.commit } });
      }
    }
    return true;
  }
}
