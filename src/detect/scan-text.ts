import type { Finding } from "./finding.js";
import { fingerprint } from "./fingerprint.js";
import { SecretValue } from "./secret.js";

export interface ScanTextOptions {
  path?: string;
}

// PROVISIONAL: plain keys only. The full detector (placeholders, decoders, diffs, streams) replaces this.
const KEY = /moltbook_sk_[A-Za-z0-9_-]{32}(?![A-Za-z0-9_-])/g;

export function scanText(text: string, options: ScanTextOptions = {}): Finding[] {
  const findings: Finding[] = [];
  for (const m of text.matchAll(KEY)) {
    const before = text.lastIndexOf("\n", m.index - 1);
    const line = text.slice(0, m.index).split("\n").length;
    const secret = new SecretValue(m[0]);
    findings.push({
      kind: "moltbook_api_key",
      path: options.path ?? "",
      line,
      column: m.index - before,
      encoding: "plain",
      fingerprint: fingerprint(m[0]),
      redacted: secret.redacted,
      secret,
    });
  }
  return findings;
}
