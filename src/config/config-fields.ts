// Field builders for the config schema. Each carries the words of its own error: what was expected
// and how to fix it. `{path}` and `{got}` are filled in by formatConfigIssue, which knows both.
import picomatch from "picomatch";
import { z } from "zod";

const isMissing = (input: unknown) => input === undefined;

function orList(values: readonly string[]): string {
  return values.length < 2 ? values.join("") : `${values.slice(0, -1).join(", ")} or ${values.at(-1)}`;
}

export function choice<const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) {
  const message = `expected one of ${values.join(", ")}, got {got}. To resolve, set {path} to ${orList(values)}.`;
  return z.enum(values, { error: message }).default(fallback);
}

export function flag(fallback: boolean) {
  return z
    .boolean({ error: "expected true or false, got {got}. To resolve, set {path} to true or false." })
    .default(fallback);
}

export function wholeNumber(min: number, max: number, fallback: number, unit: string) {
  return optionalWholeNumber(min, max, unit).default(fallback);
}

export function optionalWholeNumber(min: number, max: number, unit: string) {
  const range = `a whole number of ${unit} from ${min} to ${max}`;
  const error = `expected ${range}, got {got}. To resolve, set {path} to ${range}.`;
  return z.int({ error }).min(min, { error }).max(max, { error });
}

/** A list of `item`; a lone value is an error rather than a guess, since YAML lists are easy to write. */
export function list<T extends z.ZodType>(item: T, fallback: () => z.output<T>[], example: string) {
  return z
    .array(item, {
      error: `expected a list, got {got}. To resolve, write {path} as a YAML list, e.g. ${example}.`,
    })
    .default(fallback as never);
}

export function label() {
  const error =
    "expected a label name of 1 to 50 characters, got {got}. To resolve, use a non-empty label of at most 50 characters.";
  return z.string({ error }).trim().min(1, { error }).max(50, { error });
}

export function glob() {
  const error =
    'expected a glob pattern such as "docs/**" or "**/*.md", got {got}. To resolve, quote the pattern and check its brackets.';
  return z
    .string({ error })
    .trim()
    .min(1, { error })
    .refine(
      (pattern) => {
        try {
          picomatch.makeRe(pattern);
          return true;
        } catch {
          return false;
        }
      },
      { error },
    );
}

// Looser than the detector on purpose: anything starting like a key must not be echoed or accepted.
const KEY_LIKE = /^\s*(moltbook_sk_|moltdev_)/;

export function fingerprint() {
  return z
    .string({
      error: (issue) =>
        isMissing(issue.input)
          ? "missing. To resolve, add the key's fingerprint (sha256:…) from its incident issue or check run."
          : 'expected a fingerprint ("sha256:" and 64 lower-case hex digits), got {got}. To resolve, copy the fingerprint from the incident issue or check run.',
    })
    .superRefine((value, ctx) => {
      if (KEY_LIKE.test(value)) {
        ctx.addIssue({
          code: "custom",
          input: value,
          message:
            "this is a Moltbook key, not its fingerprint. To resolve, revoke the key, remove it from this file and its history, and list its fingerprint (sha256:…) instead.",
        });
      } else if (!/^sha256:[0-9a-f]{64}$/.test(value)) {
        ctx.addIssue({
          code: "custom",
          input: value,
          message:
            'expected a fingerprint ("sha256:" and 64 lower-case hex digits), got {got}. To resolve, copy the fingerprint from the incident issue or check run.',
        });
      }
    });
}

export function reason() {
  const error = (issue: { input?: unknown }) =>
    isMissing(issue.input) || (typeof issue.input === "string" && !issue.input.trim())
      ? 'missing. To resolve, say why this key may stay, e.g. reason: "documentation sample, revoked".'
      : 'expected text, got {got}. To resolve, write the reason as text, e.g. reason: "documentation sample, revoked".';
  return z.string({ error }).trim().min(1, { error });
}

export function repoName() {
  const error =
    'expected null, a repository name or "owner/name", got {got}. To resolve, set {path} to a repository such as ".github" or "acme/security", or remove it.';
  return z
    .string({ error })
    .regex(/^([A-Za-z0-9-]{1,39}\/)?[A-Za-z0-9_.-]{1,100}$/, { error })
    .nullable()
    .default(null);
}

/** A YAML section left empty (`revocation:`) reads as null: treat it as absent. */
export function section<T extends z.ZodType>(shape: T) {
  return z.preprocess((value) => (value === null ? undefined : value), shape);
}
