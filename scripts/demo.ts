// `npm run demo`: a pull request leaks a live Moltbook key, Moltbook Guard revokes it, reports it on
// the pull request, and sees it resolved once the author fixes the code. Everything runs on
// 127.0.0.1: the Moltbook simulator, the GitHub stand-in and the real app (in this process, with
// Probot's own settings). Keys are printed only in redacted form.
import { performance } from "node:perf_hooks";
import { fingerprint, redact } from "../src/detect/index.js";
import { settle } from "../test/support/app/start-test-app.js";
import { startTestWorld } from "../test/support/app/test-world.js";
import { firstCall, lastCall } from "./demo/call-times.js";
import { duration, quote, say, step } from "./demo/print.js";

// Imports finish before this line runs: until here, Node and tsx were loading the code.
const started = performance.now();
const logLines: string[] = [];
say("Moltbook Guard demo: a Moltbook simulator, a GitHub stand-in and the real app, all on 127.0.0.1.");
const world = await startTestWorld({ app: { logLines } });
const { github, moltbook } = world;
try {
  const live = moltbook.handout.liveKeys[0];
  const shown = redact(live.key);
  say(
    `Started in ${duration(performance.now() - started)}; the simulator holds ${moltbook.state.keys.length} org keys.`,
  );

  step(1, "dev1 opens a pull request that leaks a live org key");
  const repo = await github.createRepo("acme/widgets", { private: false });
  await repo.branch("add-client");
  await repo.write("src/client.js", `export const client = new Moltbook({ apiKey: "${live.key}" });\n`);
  await repo.commit("Add the Moltbook client", { author: "dev1" });
  await repo.push();
  const number = await github.openPullRequest({
    repo,
    head: "add-client",
    title: "Add the Moltbook client",
    user: "dev1",
  });
  say(`   ${repo.fullName}#${number}: src/client.js line 1 holds ${shown}`);
  say(`   (Moltbook key ${live.id}, "${live.name}", live)`);
  const openedPayload = await github.pullRequestPayload(repo, number, "opened");
  const leakAt = Date.now();
  const opened = await world.send("pull_request", openedPayload);
  say(`   webhook pull_request.opened delivered: ${opened}`);

  step(2, "Revoked first");
  const record = moltbook.state.byFingerprint(fingerprint(live.key));
  const revokedAt = record?.revoked_at ? Date.parse(record.revoked_at) : null;
  if (revokedAt === null || moltbook.state.status(record!) !== "revoked") {
    throw new Error(
      "The leaked key is still live at Moltbook (demo). To resolve, run the integration tests.",
    );
  }
  const calls = moltbook.state.calls.filter((c) => c.at >= leakAt).map((c) => c.operation);
  say(
    `   Moltbook revoked ${shown} at ${record!.revoked_at}, ${duration(revokedAt - leakAt)} after the webhook`,
  );
  say(`   Moltbook calls: ${calls.join(", ")}`);

  step(3, "Then the pull request is told");
  const run = github.checkRuns(repo)[0];
  const leakTimes = {
    revoked: revokedAt - leakAt,
    review: since(leakAt, firstCall(github, "POST", /\/pulls\/\d+\/reviews$/, leakAt)),
    check: since(leakAt, lastCall(github, "POST", /\/check-runs$/, leakAt)),
    comment: since(leakAt, firstCall(github, "POST", /\/issues\/\d+\/comments$/, leakAt)),
  };
  say(
    `   check run "${String(run.name)}": ${String(run.conclusion)}: ${String((run.output as { title: string }).title)}`,
  );
  const review = github.reviews(repo, number)[0];
  say(`   review with ${review?.comments.length ?? 0} suggested change(s) on src/client.js`);
  say("   pull request comment:");
  quote(String(github.comments(repo, number)[0].body), 6);

  step(4, "dev1 reads the key from the environment instead and pushes");
  await repo.write(
    "src/client.js",
    "export const client = new Moltbook({ apiKey: process.env.MOLTBOOK_API_KEY });\n",
  );
  const fix = await repo.commit("Read the Moltbook key from the environment", { author: "dev1" });
  const push = await repo.push();
  const pushPayload = await github.pushPayload(repo, { ...push, pusher: "dev1" });
  const syncPayload = await github.pullRequestPayload(repo, number, "synchronize");
  const fixAt = Date.now();
  const statuses = await Promise.all([
    world.send("push", pushPayload, { settle: false }),
    world.send("pull_request", syncPayload, { settle: false }),
  ]);
  await settle(world.app.services);
  say(
    `   commit ${fix.slice(0, 7)}: webhooks push and pull_request.synchronize delivered: ${statuses.join(", ")}`,
  );
  const green = github.checkRuns(repo).find((r) => r.head_sha === fix);
  say(
    `   check run on ${fix.slice(0, 7)}: ${String(green?.conclusion)}: ${String((green?.output as { title?: string })?.title)}`,
  );
  say("   pull request comment, edited in place:");
  const resolved = String(github.comments(repo, number)[0].body);
  quote(resolved, 2);
  const fixTimes = {
    check: since(fixAt, lastCall(github, "POST", /\/check-runs$/, fixAt)),
    comment: since(fixAt, lastCall(github, "PATCH", /\/issues\/comments\/\d+$/, fixAt)),
  };

  say();
  say("Timings");
  const cold = firstCall(github, "POST", /\/access_tokens$/, leakAt) !== null;
  say(
    `   leak: webhook → revoked at Moltbook ${duration(leakTimes.revoked)}${cold ? " (a cold start: this first event also fetched the installation token)" : ""}`,
  );
  say(
    `         webhook → review ${show(leakTimes.review)}, → check run ${show(leakTimes.check)}, → comment ${show(leakTimes.comment)}`,
  );
  say(
    `   fix:  webhooks → check run green ${show(fixTimes.check)}, → comment resolved ${show(fixTimes.comment)}`,
  );
  say(
    "   (GitHub writes come after the revocation; Probot spaces them 1 s apart, and comments 3 s, per installation)",
  );

  const written = github.textWritten();
  const clean = !written.includes(live.key) && !logLines.some((line) => line.includes(live.key));
  say();
  say(
    clean
      ? "No raw key in anything sent to GitHub or in the app's logs."
      : "A RAW KEY LEAKED into GitHub or the logs.",
  );
  say(`Done in ${duration(performance.now() - started)} (plus ${duration(started)} loading the code).`);
  if (!clean || green?.conclusion !== "success" || !resolved.includes("Resolved")) process.exitCode = 1;
} finally {
  await world.stop();
}

function since(from: number, at: number | null): number | null {
  return at === null ? null : at - from;
}

function show(ms: number | null): string {
  return ms === null ? "(not seen)" : duration(ms);
}
