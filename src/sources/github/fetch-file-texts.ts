import { isProbablyBinary } from "../../detect/index.js";
import type { ChangedText, SkippedText } from "./changed-text.js";
import type { Octokit, RepoRef } from "./octokit.js";

/** The fields of a commit or pull-request file entry that we read. */
export interface GitHubFileEntry {
  filename: string;
  status: string;
  sha?: string | null;
  patch?: string;
}

/**
 * Turns GitHub file entries into scannable text. GitHub omits `patch` for large and binary files;
 * those are fetched as blobs up to `maxBlobBytes`, and anything left out is reported as skipped.
 */
export async function fetchFileTexts(
  octokit: Octokit,
  repo: RepoRef,
  files: GitHubFileEntry[],
  options: { commit?: string; maxBlobBytes: number | Promise<number> },
): Promise<{ texts: ChangedText[]; skipped: SkippedText[] }> {
  const texts: ChangedText[] = [];
  const skipped: SkippedText[] = [];
  const blobFetches: Promise<void>[] = [];
  for (const file of files) {
    if (file.status === "removed") continue;
    if (file.patch !== undefined) {
      texts.push({ kind: "patch", path: file.filename, commit: options.commit, text: file.patch });
      continue;
    }
    if (!file.sha) {
      skipped.push({
        path: file.filename,
        commit: options.commit,
        reason: "GitHub gave neither a patch nor a blob",
      });
      continue;
    }
    const sha = file.sha;
    blobFetches.push(
      (async () => {
        const [{ data }, maxBlobBytes] = await Promise.all([
          octokit.rest.git.getBlob({ ...repo, file_sha: sha }),
          options.maxBlobBytes,
        ]);
        const size = data.size ?? data.content.length;
        if (size > maxBlobBytes) {
          skipped.push({
            path: file.filename,
            commit: options.commit,
            reason: `larger than scan.max_blob_bytes (${size} > ${maxBlobBytes} bytes)`,
          });
          return;
        }
        const bytes = Buffer.from(data.content, "base64");
        if (isProbablyBinary(bytes)) {
          skipped.push({ path: file.filename, commit: options.commit, reason: "binary file" });
          return;
        }
        texts.push({ kind: "blob", path: file.filename, commit: options.commit, text: bytes });
      })(),
    );
  }
  await Promise.all(blobFetches);
  return { texts, skipped };
}
