import { inspect } from "node:util";
import { redact } from "./redact.js";

/**
 * Holds a raw key so that nothing can print it by accident: `toString`, `toJSON`, template
 * literals and `util.inspect` all give the redacted form. The only way to the raw value is
 * `reveal()`, which only the revocation path calls.
 */
export class SecretValue {
  readonly #raw: string;
  readonly redacted: string;

  constructor(raw: string) {
    this.#raw = raw;
    this.redacted = redact(raw);
  }

  /** The raw key. Call it only to hand the key to Moltbook's revocation endpoint. */
  reveal(): string {
    return this.#raw;
  }

  toString(): string {
    return this.redacted;
  }

  toJSON(): string {
    return this.redacted;
  }

  [inspect.custom](): string {
    return `SecretValue(${this.redacted})`;
  }
}
