// The detector's public face. Everything outside src/detect/ imports from here only.
export type { Finding, FindingKind, Encoding } from "./finding.js";
export { SecretValue } from "./secret.js";
export { fingerprint } from "./fingerprint.js";
export { redact } from "./redact.js";
export { scanText, type ScanTextOptions } from "./scan-text.js";
