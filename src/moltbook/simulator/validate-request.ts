import { FINGERPRINT_PATTERN } from "../types.js";
import { invalid, type Reply } from "./sim-context.js";

// Hand-written checks of request bodies and queries against the contract; 422 on any violation.

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An array of 1–`max` strings each matching `pattern`, or a 422. */
export function stringList(
  body: unknown,
  field: string,
  pattern: RegExp,
  what: string,
  max = 100,
): string[] | Reply {
  const list = isObject(body) ? body[field] : undefined;
  if (!Array.isArray(list)) return invalid(`${field} is required and must be an array.`);
  if (list.length < 1 || list.length > max)
    return invalid(`${field} must hold 1 to ${max} items; it has ${list.length}.`);
  const bad = list.findIndex((v) => typeof v !== "string" || !pattern.test(v));
  if (bad >= 0) return invalid(`${field}[${bad}] is not ${what}.`);
  return list as string[];
}

export function fingerprintList(body: unknown): string[] | Reply {
  return stringList(
    body,
    "fingerprints",
    FINGERPRINT_PATTERN,
    "a fingerprint (sha256: + 64 lower-case hex digits)",
  );
}

export function isDateTime(value: string): boolean {
  return DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

export function isUri(value: unknown): boolean {
  return typeof value === "string" && /^[a-z][a-z0-9+.-]*:/i.test(value) && URL.canParse(value);
}

/** An integer query parameter within bounds, its default when absent, or a 422. */
export function intParam(url: URL, name: string, min: number, max: number, fallback: number): number | Reply {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max)
    return invalid(`${name} must be an integer from ${min} to ${max}.`);
  return n;
}

export function isReply(value: unknown): value is Reply {
  return isObject(value) && typeof value.status === "number" && "body" in value;
}
