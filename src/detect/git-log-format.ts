/**
 * The `--format` the CLI passes to
 * `git log -p -U0 --no-renames --no-textconv --no-ext-diff --no-color --format=<GIT_LOG_FORMAT> --all`,
 * whose output DiffStreamScanner reads. Each commit starts with a NUL, `commit <full sha>` and a
 * line feed, then the raw message (`%B`), then a NUL. NUL cannot occur in a commit message and
 * git shows a file holding NUL as binary, so a message that contains `diff --git` or `@@`
 * lines cannot be mistaken for a diff, nor a diff line for a new commit.
 */
export const GIT_LOG_FORMAT = "%x00commit %H%n%B%x00";

/** What starts a commit in that output. */
export const COMMIT_START = Buffer.from("\0commit ", "latin1");

/** The `path` of findings in commit messages. */
export const COMMIT_MESSAGE_PATH = "(commit message)";
