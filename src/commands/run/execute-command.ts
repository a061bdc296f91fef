import { sweepJob } from "../../governance/sweep/sweep-job.js";
import type { Command } from "../types.js";
import type { CommandContext, CommandResult } from "./command-context.js";
import { enqueueRescan } from "./enqueue-rescan.js";
import { executeIgnore } from "./execute-ignore.js";
import { executeRevoke } from "./execute-revoke.js";
import { executeSnooze } from "./execute-snooze.js";
import { leakFingerprints } from "./leak-fingerprints.js";

/** Runs a permitted, available command. */
export async function executeCommand(ctx: CommandContext, command: Command): Promise<CommandResult> {
  const login = ctx.job.actor;
  switch (command.name) {
    case "help":
      return { reply: { outcome: "help" }, outcome: "applied" };
    case "sweep":
      await ctx.deps.enqueue(sweepJob(ctx.job.installationId, "command", { id: ctx.job.commentId }));
      return { reply: { outcome: "sweep_started", login }, outcome: "applied" };
    case "rescan": {
      const scans = await enqueueRescan(ctx, await leakFingerprints(ctx.deps.store, ctx.job));
      return { reply: { outcome: "rescan_started", login }, outcome: `applied: ${scans} scan(s)` };
    }
    case "revoke":
      return executeRevoke(ctx);
    case "snooze":
      return executeSnooze(ctx, command.args);
    case "ignore":
      return executeIgnore(ctx, command.args.reason);
  }
}
