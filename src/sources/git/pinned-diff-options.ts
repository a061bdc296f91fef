/**
 * Diff settings for a staged scan's `git diff --cached`: no context lines (only added and removed
 * lines matter), no rename detection (a renamed file is scanned whole, so nothing hides behind a
 * rename), and no textconv or external diff drivers (the bytes that were committed, not a rendering
 * of them), with the prefixes the diff parser expects whatever the user's config says.
 */
export const PINNED_DIFF_OPTIONS = [
  "-U0",
  "--no-renames",
  "--no-textconv",
  "--no-ext-diff",
  "--no-color",
  "--src-prefix=a/",
  "--dst-prefix=b/",
  "--submodule=short",
] as const;
