// Runs the shared corpus generator (../shared/bench/make-corpus.mjs) with the settings every bench
// here uses: 500 planted keys and 500 decoys, a directory and the same content as one unified diff.
// The manifest is the generator's default, `<out>.manifest.json`.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/** make-corpus.mjs where the checkout keeps it, next to this repository: the benches' default `script`. */
export const MAKE_CORPUS = fileURLToPath(new URL("../../shared/bench/make-corpus.mjs", import.meta.url));

export function generateCorpus({ script, out, size, seed, diff, stdio = "inherit" }) {
  execFileSync(
    process.execPath,
    [
      script,
      ...["--out", out, "--size", size, "--keys", "500", "--decoys", "500", "--seed", String(seed)],
      ...["--diff", diff],
    ],
    { stdio },
  );
}
