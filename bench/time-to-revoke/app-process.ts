// The app in a process of its own, as `npm start` runs it, for the bench: the loopback servers and
// the bench's bookkeeping then do not share its event loop. BENCH_THROTTLE=1 keeps Probot's write
// throttling; otherwise it is off (see time-to-revoke.ts).
import { run } from "probot";
import { createApp } from "../../src/app.js";
import { UnthrottledOctokit } from "./unthrottled-octokit.js";

await run(createApp(), process.env.BENCH_THROTTLE === "1" ? {} : { Octokit: UnthrottledOctokit });
