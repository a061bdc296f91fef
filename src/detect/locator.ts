/** Where a hit is, as a finding reports it. */
export interface Place {
  path: string;
  line: number;
  column: number;
  commit?: string;
}

/**
 * Turns buffer offsets into places. Offsets given to `locate` never go back, so a locator can count
 * lines lazily from where it last stopped; `rebase` is called before the scanner drops the bytes
 * before `to`, so the locator must carry what it needs past them.
 */
export interface Locator {
  /** The place of the hit at `at`, or null when it must not be reported (say, a removed line). */
  locate(data: Buffer, at: number): Place | null;
  /** Where to cut when the scanner wants to drop the bytes before `want` (at most `want`). */
  keepFrom(data: Buffer, want: number): number;
  rebase(data: Buffer, to: number): void;
}
