import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { KEY_SHAPED } from "../support/moltbook/random-key.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Runs `npm run demo`'s command (tsx scripts/demo.ts) in one process, as a user would. */
function runDemo(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/demo.ts"], { cwd: ROOT });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("npm run demo", () => {
  it("tells the story, leak to revoked to resolved, with timings and no raw key, and exits 0", async () => {
    const { code, stdout, stderr } = await runDemo();
    expect(code, `${stdout}\n${stderr}`).toBe(0);

    // The leak: revoked at Moltbook first, in one call, then reported on the pull request.
    expect(stdout).toMatch(
      /Moltbook revoked moltbook_sk_[\w-]{4}…[\w-]{4} at \S+, \d+(\.\d)? m?s after the webhook/,
    );
    expect(stdout).toContain("Moltbook calls: POST /keys/revoke\n");
    expect(stdout).toContain('check run "Moltbook Guard": failure');
    expect(stdout).toContain("The leaked key is revoked: now remove it from the code");
    // The fix: the check on the new head passes and the comment says resolved.
    expect(stdout).toMatch(/check run on [0-9a-f]{7}: success/);
    expect(stdout).toContain("✅ Resolved: the leaked key is revoked and removed from the code");
    expect(stdout).toMatch(/webhook → revoked at Moltbook \d/);
    expect(stdout).toMatch(/→ comment resolved \d/);
    expect(stdout).toContain("No raw key in anything sent to GitHub or in the app's logs.");
    expect(stdout).not.toMatch(KEY_SHAPED);
    expect(stderr).not.toMatch(KEY_SHAPED);
  }, 90_000);
});
