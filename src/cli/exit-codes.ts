/** `moltbook-guard`'s exit statuses, which hooks and CI jobs branch on. */
export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
/** A usage or runtime error, with one line on stderr that says what to do. */
export const EXIT_ERROR = 2;
