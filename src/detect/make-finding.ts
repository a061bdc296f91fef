import type { Finding } from "./finding.js";
import { fingerprint } from "./fingerprint.js";
import type { KeyHit } from "./key-hit.js";
import type { Place } from "./locator.js";
import { SecretValue } from "./secret.js";

export function makeFinding(hit: KeyHit, place: Place): Finding {
  const secret = new SecretValue(hit.key);
  const finding: Finding = {
    kind: hit.kind,
    path: place.path,
    line: place.line,
    column: place.column,
    encoding: hit.encoding,
    fingerprint: fingerprint(hit.key),
    redacted: secret.redacted,
    secret,
  };
  if (place.commit !== undefined) finding.commit = place.commit;
  return finding;
}
