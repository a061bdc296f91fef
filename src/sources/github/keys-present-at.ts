import { scanBuffer, type Finding } from "../../detect/index.js";
import type { Octokit, RepoRef } from "./octokit.js";

/**
 * Which of these keys are still in the files at `ref`: a key added and removed within one push
 * is revoked but no longer in the code. Prose (commit messages) cannot be removed by a commit.
 */
export async function keysPresentAt(
  octokit: Octokit,
  repo: RepoRef,
  ref: string,
  findings: Finding[],
  policy: { scan: { maxBlobBytes: number } },
): Promise<Set<string>> {
  const paths = [...new Set(findings.filter((f) => !f.path.startsWith("(")).map((f) => f.path))];
  const present = new Set<string>();
  await Promise.all(
    paths.map(async (path) => {
      const bytes = await readFileAt(octokit, repo, path, ref, policy.scan.maxBlobBytes);
      // A file we cannot read back is assumed to still hold the key: never claim a removal we did not see.
      if (bytes === null) {
        for (const f of findings) if (f.path === path) present.add(f.fingerprint);
        return;
      }
      for (const f of scanBuffer(bytes, { path })) present.add(f.fingerprint);
    }),
  );
  return present;
}

async function readFileAt(
  octokit: Octokit,
  repo: RepoRef,
  path: string,
  ref: string,
  maxBytes: number,
): Promise<Uint8Array | null> {
  try {
    const { data } = await octokit.rest.repos.getContent({ ...repo, path, ref });
    if (Array.isArray(data) || data.type !== "file" || data.size > maxBytes || !("content" in data))
      return null;
    return Buffer.from(data.content, "base64");
  } catch (error) {
    if ((error as { status?: number }).status === 404) return new Uint8Array();
    return null;
  }
}
