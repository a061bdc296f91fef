import type { Reply } from "./http-reply.js";
import type { FaultHandle, FaultOptions } from "./stand-in-types.js";

interface FaultRule extends FaultOptions {
  remaining: number;
  hits: number;
}

function defaultBody(status: number, headers: Record<string, string>): unknown {
  if (status === 429) return { message: "Too Many Requests" };
  if (status === 403 && Object.keys(headers).some((h) => h.toLowerCase() === "retry-after")) {
    return {
      message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
      documentation_url:
        "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
    };
  }
  if (status >= 500) return { message: "Server Error" };
  return { message: `Injected ${status}` };
}

/** Failures a test asks for: the next N calls matching a method and path get a chosen answer. */
export class Faults {
  readonly #rules: FaultRule[] = [];

  add(options: FaultOptions): FaultHandle {
    const rule: FaultRule = { ...options, remaining: options.times ?? 1, hits: 0 };
    this.#rules.push(rule);
    const rules = this.#rules;
    return {
      get remaining() {
        return rule.remaining;
      },
      get hits() {
        return rule.hits;
      },
      cancel() {
        rule.remaining = 0;
        rules.splice(rules.indexOf(rule) >>> 0, 1);
      },
    };
  }

  clear(): void {
    this.#rules.length = 0;
  }

  /** The injected answer for this call, consuming one use of the first matching rule. */
  take(method: string, path: string): Reply | null {
    const rule = this.#rules.find(
      (r) => r.remaining > 0 && (!r.method || r.method.toUpperCase() === method) && matches(r.path, path),
    );
    if (!rule) return null;
    rule.remaining--;
    rule.hits++;
    const headers = rule.headers ?? {};
    return { status: rule.status, json: rule.body ?? defaultBody(rule.status, headers), headers };
  }
}

function matches(pattern: RegExp, path: string): boolean {
  pattern.lastIndex = 0; // a /g pattern keeps state between calls
  return pattern.test(path);
}
