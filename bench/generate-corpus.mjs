// Runs the shared corpus generator (../shared/bench/make-corpus.mjs) with the settings every bench
// here uses: 500 planted keys and 500 decoys, a directory and the same content as one unified diff.
import { execFileSync } from "node:child_process";

/** `script` is make-corpus.mjs; `manifest` defaults to the generator's own (`<out>.manifest.json`). */
export function generateCorpus({ script, out, size, seed, diff, manifest, stdio = "inherit" }) {
  execFileSync(
    process.execPath,
    [
      script,
      ...["--out", out, "--size", size, "--keys", "500", "--decoys", "500", "--seed", String(seed)],
      ...["--diff", diff],
      ...(manifest ? ["--manifest", manifest] : []),
    ],
    { stdio },
  );
}
