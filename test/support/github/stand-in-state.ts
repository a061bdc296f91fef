import type {
  Actor,
  CheckRunRecord,
  CommentRecord,
  InstallationRecord,
  RecordedCall,
  RepoRecord,
} from "./stand-in-types.js";

export interface StandInConfig {
  appId: number;
  appSlug: string;
  appName: string;
  /** Patches larger than this many bytes are omitted from file entries, as GitHub does. */
  maxPatchBytes: number;
  /** Added to every call before it is answered. */
  latencyMs: number;
}

/** Everything the stand-in remembers, shared by the routes, the helpers and the payload builders. */
export class StandInState {
  url = "";
  readonly repos = new Map<string, RepoRecord>();
  readonly installations = new Map<number, InstallationRecord>();
  readonly checkRuns = new Map<number, CheckRunRecord>();
  readonly comments = new Map<number, { repo: RepoRecord; comment: CommentRecord }>();
  /** Installation tokens issued by POST /app/installations/:id/access_tokens. */
  readonly installationTokens = new Map<string, number>();
  readonly userTokens = new Map<string, string>();
  readonly appJwts: string[] = [];
  readonly calls: RecordedCall[] = [];
  /** Request URLs and bodies, in arrival order, for "no raw key anywhere" assertions. */
  readonly written: string[] = [];
  readonly checkSuites = new Map<string, number>();
  #nextId = 1000;

  constructor(
    readonly tmpDir: string,
    readonly config: StandInConfig,
  ) {}

  nextId(): number {
    return ++this.#nextId;
  }

  get apiUrl(): string {
    return `${this.url}/api/v3`;
  }

  get botActor(): Actor {
    return { login: `${this.config.appSlug}[bot]`, type: "Bot" };
  }

  /** Accepts `owner/name` in any case, like GitHub. */
  findRepo(fullName: string): RepoRecord | undefined {
    return this.repos.get(fullName.toLowerCase());
  }

  checkSuiteId(repo: RepoRecord, headSha: string): number {
    const key = `${repo.fullName}@${headSha}`;
    let id = this.checkSuites.get(key);
    if (id === undefined) {
      id = this.nextId();
      this.checkSuites.set(key, id);
    }
    return id;
  }
}

/** GitHub's timestamp format: ISO 8601 in UTC, without milliseconds. */
export function isoNow(date: Date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
