/** Runs every write; one failing does not stop the others, but the job still fails and retries. */
export async function settleAll(writes: Promise<unknown>[]): Promise<void> {
  const outcomes = await Promise.allSettled(writes);
  const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected");
  if (failed) throw failed.reason;
}
