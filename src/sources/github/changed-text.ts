/** One piece of text that changed in GitHub and must be scanned, with where it came from. */
export interface ChangedText {
  /** `patch`: a unified-diff hunk list as GitHub returns it; `blob`: a whole file; else prose. */
  kind: "patch" | "blob" | "commit_message" | "pr_title" | "pr_body";
  /** File path, or a label for prose ("(commit message)", "(pull request title)"). */
  path: string;
  /** The commit the text belongs to (absent for PR title/body). */
  commit?: string;
  /** Bytes for blobs (the detector handles BOMs and UTF-16), a string otherwise. */
  text: string | Uint8Array;
}

/** Something that could not be scanned, reported to the user rather than dropped. */
export interface SkippedText {
  path: string;
  commit?: string;
  reason: string;
}

export interface ChangeSet {
  texts: ChangedText[];
  skipped: SkippedText[];
  /** Commits covered, oldest first. */
  commits: string[];
}
