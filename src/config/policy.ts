import type { RevocationMode } from "./repo-config.js";

export type Visibility = "public" | "private" | "internal";

/** Stage two's output: what the rest of the app asks. Immutable; names in camelCase. */
export interface Policy {
  readonly revocation: Readonly<Record<Visibility, RevocationMode>>;
  /** `internal` repositories follow `private`. */
  revocationModeFor(visibility: Visibility): RevocationMode;
  /** Look keys up instead of revoking them; everything else (comments, issues, checks) still happens. */
  readonly dryRun: boolean;
  /** The patterns as given, for messages; use `matchesIgnoredPath` to test a path. */
  readonly pathsIgnore: readonly string[];
  matchesIgnoredPath(path: string): boolean;
  /** fingerprint → reason. */
  readonly ignoredFingerprints: ReadonlyMap<string, string>;
  ignoredReason(fingerprint: string): string | undefined;
  readonly pullRequest: {
    readonly comment: boolean;
    readonly suggestions: boolean;
    readonly checkRun: boolean;
  };
  readonly issues: { readonly labels: readonly string[]; readonly assignPusher: boolean };
  readonly scan: {
    readonly maxBlobBytes: number;
    readonly commitMessages: boolean;
    readonly prBody: boolean;
  };
  readonly governance: {
    readonly repo: string | null;
    readonly schedule: { readonly intervalHours: number; readonly jitterMinutes: number };
    readonly dashboard: boolean;
    readonly labels: {
      readonly rotation: readonly string[];
      readonly leastPrivilege: readonly string[];
      readonly accountability: readonly string[];
      readonly anomaly: readonly string[];
      readonly dashboard: readonly string[];
    };
  };
  /** `owner/name` of the governance repository for an organisation: `governance.repo` or `<org>/.github`. */
  governanceRepoFor(org: string): string;
  readonly rotation: { readonly enabled: boolean; readonly maxAgeDays: number; readonly warnDays: number };
  readonly leastPrivilege: {
    readonly enabled: boolean;
    readonly wildcardScopes: boolean;
    readonly ipAllowlist: boolean;
    readonly expiry: boolean;
    readonly staleAfterDays: number;
  };
  readonly accountability: { readonly enabled: boolean };
}
