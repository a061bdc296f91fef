// The events the bench delivers: each in its own repository (owner `team-NNN`), so every GitHub
// call can be told apart by its path; pushes and pull requests alternate.
import type { GitHubStandIn } from "../../test/support/github/index.js";

export interface LeakEvent {
  index: number;
  kind: "push" | "pull_request";
  owner: string;
  fullName: string;
  payload: Record<string, unknown>;
  /** The key's raw form, kept in memory only to build the commit; null for a warm-up event. */
  key: string | null;
}

/** Commits a file (with `key`, or with a key read from the environment) and builds the webhook. */
export async function prepareEvent(
  github: GitHubStandIn,
  index: number,
  kind: LeakEvent["kind"],
  key: string | null,
  ownerPrefix = "team",
): Promise<LeakEvent> {
  const owner = `${ownerPrefix}-${String(index).padStart(3, "0")}`;
  const repo = await github.createRepo(`${owner}/service`, { private: index % 4 < 2 });
  const value = key === null ? "os.environ['MOLTBOOK_API_KEY']" : `"${key}"`;
  if (kind === "push") {
    await repo.write("config/settings.py", `MOLTBOOK_API_KEY = ${value}\n`);
    await repo.commit("add settings", { author: "dev" });
    const push = await repo.push();
    const payload = await github.pushPayload(repo, { ...push, pusher: "dev" });
    return { index, kind, owner, fullName: repo.fullName, payload, key };
  }
  await repo.branch("feature");
  await repo.write("src/client.py", `client = Moltbook(api_key=${value})\n`);
  await repo.commit("add client", { author: "dev" });
  await repo.push();
  const number = await github.openPullRequest({ repo, head: "feature", title: "Add client", user: "dev" });
  const payload = await github.pullRequestPayload(repo, number, "opened");
  return { index, kind, owner, fullName: repo.fullName, payload, key };
}

/** Prepares `count` events, a few at a time (each is a handful of git processes). */
export async function prepareEvents(
  github: GitHubStandIn,
  keys: (string | null)[],
  ownerPrefix = "team",
  parallel = 4,
): Promise<LeakEvent[]> {
  const events: LeakEvent[] = new Array(keys.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < keys.length; i = next++) {
      events[i] = await prepareEvent(github, i, i % 2 === 0 ? "push" : "pull_request", keys[i], ownerPrefix);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return events;
}
