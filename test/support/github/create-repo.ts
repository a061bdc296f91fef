import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { git } from "./git.js";
import { RepoHandle } from "./repo-handle.js";
import { isoNow, type StandInState } from "./stand-in-state.js";
import type { RepoRecord, Visibility } from "./stand-in-types.js";

export interface CreateRepoOptions {
  private?: boolean;
  /** Overrides `private` ("internal" repositories are private to outsiders). */
  visibility?: Visibility;
  defaultBranch?: string;
  /** The installation the app has on this repository (default 1); null: not installed. */
  installationId?: number | null;
  /** "Organization" (default) or "User". */
  ownerType?: "Organization" | "User";
  /** Commit and push a README on the default branch (default true), as GitHub's auto_init does. */
  autoInit?: boolean;
}

const NAME = /^[A-Za-z0-9_.-]+$/;

/** A bare repository the stand-in serves, plus a work tree the test commits in. */
export async function createRepo(
  state: StandInState,
  fullName: string,
  options: CreateRepoOptions = {},
  forkOf: RepoRecord | null = null,
): Promise<RepoHandle> {
  const [owner, name, extra] = fullName.split("/");
  if (!owner || !name || extra !== undefined || !NAME.test(owner) || !NAME.test(name)) {
    throw new Error(`Repository name "${fullName}" is not owner/name. To resolve, pass e.g. "acme/api".`);
  }
  if (state.findRepo(fullName)) {
    throw new Error(`Repository ${fullName} already exists in the stand-in. To resolve, use another name.`);
  }
  const visibility = options.visibility ?? (options.private ? "private" : "public");
  const defaultBranch = options.defaultBranch ?? forkOf?.defaultBranch ?? "main";
  const installationId = options.installationId === undefined ? (forkOf ? null : 1) : options.installationId;
  const bareDir = join(state.tmpDir, "bare", owner, `${name}.git`);
  const workDir = join(state.tmpDir, "work", owner, name);
  await mkdir(join(state.tmpDir, "bare", owner), { recursive: true });
  await mkdir(workDir, { recursive: true });
  if (forkOf) {
    await git(state.tmpDir, ["clone", "--quiet", "--bare", forkOf.bareDir, bareDir]);
  } else {
    await git(state.tmpDir, ["init", "--quiet", "--bare", "-b", defaultBranch, bareDir]);
  }
  await git(workDir, ["init", "--quiet", "-b", defaultBranch]);
  await git(workDir, ["remote", "add", "origin", bareDir]);
  if (forkOf) {
    await git(workDir, ["fetch", "--quiet", "origin"]);
    await git(workDir, ["checkout", "--quiet", "-B", defaultBranch, `origin/${defaultBranch}`]);
  }

  const ownerActor = { login: owner, type: options.ownerType ?? "Organization" } as const;
  const record: RepoRecord = {
    id: state.nextId(),
    owner: ownerActor,
    name,
    fullName,
    private: visibility !== "public",
    visibility,
    defaultBranch,
    installationId,
    bareDir,
    workDir,
    createdAt: isoNow(),
    forkOf,
    permissions: new Map(),
    labels: new Map(),
    issues: new Map(),
    nextNumber: 1,
  };
  state.repos.set(fullName.toLowerCase(), record);
  if (installationId !== null && !state.installations.has(installationId)) {
    state.installations.set(installationId, { id: installationId, account: ownerActor, createdAt: isoNow() });
  }

  const handle = new RepoHandle(record);
  if (!forkOf && options.autoInit !== false) {
    await handle.write("README.md", `# ${name}\n`);
    await handle.commit("Initial commit");
    await handle.push(defaultBranch);
  }
  return handle;
}
