import { COMMIT_MESSAGE_PATH } from "../../detect/index.js";
import { codeBlock, inlineCode } from "../../report/markdown.js";
import { isProsePath } from "./location-url.js";
import type { IncidentView, RenderContext } from "./model.js";
import { shellQuote } from "./shell-quote.js";

const REPLACEMENTS = "../moltbook-replacements.txt";

/**
 * The `git filter-repo` recipe. The replacements file must hold the literal key, so the recipe has
 * the user's own clone write it (pulled out of history by pattern), outside the repository, and
 * delete it afterwards: the key is never typed, printed or committed.
 */
export function renderHistoryPurge(incidents: readonly IncidentView[], context: RenderContext): string {
  const base = context.htmlBaseUrl.replace(/\/+$/, "");
  const cloneUrl = `${base}/${context.repoFullName}.git`;
  const dir = context.repoFullName.slice(context.repoFullName.indexOf("/") + 1);
  const patterns = [
    incidents.some((i) => i.kind === "moltbook_api_key") ? "moltbook_sk_[A-Za-z0-9_-]{32}" : undefined,
    incidents.some((i) => i.kind === "moltbook_dev_key") ? "moltdev_[A-Za-z0-9_-]{16,}" : undefined,
  ].filter((p) => p !== undefined);
  const inMessages = incidents.some((i) => i.locations.some((l) => l.path === COMMIT_MESSAGE_PATH));
  const encoded = incidents.flatMap((i) =>
    i.locations.filter((l) => l.encoding !== "plain" && !isProsePath(l.path)),
  );
  const replaceFlags = `--replace-text ${REPLACEMENTS}${inMessages ? ` --replace-message ${REPLACEMENTS}` : ""}`;

  const commands = [
    "# a fresh clone, just for the rewrite",
    `git clone ${shellQuote(cloneUrl)} && cd ${shellQuote(dir)}`,
    "# write every key in the history to a file OUTSIDE the repository (never commit it);",
    "# the keys come from your clone, so nobody has to paste them",
    `git log -p --all --full-history | grep -oE '${patterns.join("|")}' | sort -u \\`,
    `  | sed 's/$/==>REMOVED-MOLTBOOK-KEY/' > ${REPLACEMENTS}`,
    `git filter-repo ${replaceFlags}`,
    "# filter-repo drops the remote on purpose: add it back and overwrite every branch and tag",
    `git remote add origin ${shellQuote(cloneUrl)}`,
    "git push --force --all origin && git push --force --tags origin",
    `rm ${REPLACEMENTS}`,
  ];
  const lines = [codeBlock(commands.join("\n"), "sh")];
  if (encoded.length > 0) {
    const where = encoded
      .slice(0, 5)
      .map((l) => `${inlineCode(l.path)} line ${l.line}`)
      .join(", ");
    lines.push(
      `The key is also stored encoded (${where}), which the pattern above does not match: add that exact ` +
        `encoded text to ${inlineCode(REPLACEMENTS)}, one per line, before running \`git filter-repo\`.`,
    );
  }
  lines.push(
    "Everyone else must re-clone afterwards. Forks, other clones, CI caches and GitHub's cached views of " +
      "pull requests may still hold the key; that is why it had to be revoked first. GitHub Support can " +
      "remove cached views and pull request references.",
  );
  return lines.join("\n\n");
}
