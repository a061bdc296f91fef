import { z } from "zod";
import {
  choice,
  fingerprint,
  flag,
  glob,
  label,
  list,
  optionalWholeNumber,
  reason,
  repoName,
  section,
  wholeNumber,
} from "./config-fields.js";
import { DEFAULT_CONFIG as D } from "./default-config.js";
import type { RepoConfig } from "./repo-config.js";

const MODES = ["auto", "report", "off"] as const;
const labels = (fallback: readonly string[]) => list(label(), () => [...fallback], '["moltbook-guard"]');
const mapping =
  "expected a mapping of options, got {got}. To resolve, indent the options under {path}:, or remove it.";

/** A YAML section: a strict mapping whose absent options take their defaults. */
function options<T extends z.core.$ZodLooseShape>(shape: T) {
  return section(z.strictObject(shape, { error: mapping }).prefault({} as never));
}

const ignoreEntry = z.strictObject(
  { fingerprint: fingerprint(), reason: reason() },
  {
    error:
      'expected an entry with fingerprint and reason, got {got}. To resolve, write it as { fingerprint: "sha256:…", reason: "…" }.',
  },
);

export const configSchema = z.strictObject(
  {
    // Probot resolves `_extends` before we see the file; tolerate it if a caller passes it through.
    _extends: z
      .string({
        error:
          'expected a repository such as ".github" or "owner/repo:path.yml", got {got}. To resolve, fix _extends.',
      })
      .optional(),
    revocation: options({
      public: choice(MODES, D.revocation.public),
      private: choice(MODES, D.revocation.private),
    }),
    dry_run: flag(D.dry_run),
    paths_ignore: section(list(glob(), () => [...D.paths_ignore], '["docs/**", "**/*.md"]')),
    ignore: section(list(ignoreEntry, () => [], '[{ fingerprint: "sha256:…", reason: "…" }]')),
    pull_request: options({
      comment: flag(D.pull_request.comment),
      suggestions: flag(D.pull_request.suggestions),
      check_run: flag(D.pull_request.check_run),
    }),
    issues: options({
      labels: section(labels(D.issues.labels)),
      assign_pusher: flag(D.issues.assign_pusher),
    }),
    scan: options({
      max_blob_bytes: wholeNumber(1_024, 104_857_600, D.scan.max_blob_bytes, "bytes"),
      commit_messages: flag(D.scan.commit_messages),
      pr_body: flag(D.scan.pr_body),
    }),
    governance: options({
      repo: repoName(),
      schedule: options({
        interval_hours: wholeNumber(1, 720, D.governance.schedule.interval_hours, "hours"),
        jitter_minutes: wholeNumber(0, 1_440, D.governance.schedule.jitter_minutes, "minutes"),
      }),
      dashboard: flag(D.governance.dashboard),
      labels: options({
        rotation: section(labels(D.governance.labels.rotation)),
        least_privilege: section(labels(D.governance.labels.least_privilege)),
        accountability: section(labels(D.governance.labels.accountability)),
        anomaly: section(labels(D.governance.labels.anomaly)),
        dashboard: section(labels(D.governance.labels.dashboard)),
      }),
    }),
    rotation: section(
      z
        .strictObject(
          {
            enabled: flag(D.rotation.enabled),
            max_age_days: wholeNumber(1, 3_650, D.rotation.max_age_days, "days"),
            warn_days: optionalWholeNumber(0, 3_650, "days").optional(),
          },
          { error: mapping },
        )
        .check((ctx) => {
          const { max_age_days, warn_days } = ctx.value;
          if (warn_days !== undefined && warn_days >= max_age_days) {
            ctx.issues.push({
              code: "custom",
              path: ["warn_days"],
              input: warn_days,
              message: `expected fewer days than rotation.max_age_days (${max_age_days}), got {got}. To resolve, lower rotation.warn_days or raise rotation.max_age_days.`,
            });
          }
        })
        // Unset, the warning period shrinks to fit a short maximum age rather than make it an error.
        .transform((r) => ({
          ...r,
          warn_days: r.warn_days ?? Math.min(D.rotation.warn_days, r.max_age_days - 1),
        }))
        .prefault({}),
    ),
    least_privilege: options({
      enabled: flag(D.least_privilege.enabled),
      wildcard_scopes: flag(D.least_privilege.wildcard_scopes),
      ip_allowlist: flag(D.least_privilege.ip_allowlist),
      expiry: flag(D.least_privilege.expiry),
      stale_after_days: wholeNumber(1, 3_650, D.least_privilege.stale_after_days, "days"),
    }),
    accountability: options({ enabled: flag(D.accountability.enabled) }),
  },
  {
    error:
      'expected a mapping of options, got {got}. To resolve, write the file as "option: value" lines, e.g. "dry_run: false"; meanwhile the defaults apply.',
  },
);

// The schema and the RepoConfig type must describe the same file.
type Parsed = Omit<z.output<typeof configSchema>, "_extends">;
export type SchemaMatchesType = [Parsed] extends [RepoConfig]
  ? [RepoConfig] extends [Parsed]
    ? true
    : never
  : never;
const _matches: SchemaMatchesType = true;
void _matches;
