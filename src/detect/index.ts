// The detector's public face. Everything outside src/detect/ imports from here only.
export type { Finding, FindingKind, Encoding } from "./finding.js";
export { SecretValue } from "./secret.js";
export { fingerprint } from "./fingerprint.js";
export { redact } from "./redact.js";
export { isPlaceholder } from "./is-placeholder.js";
export { isProbablyBinary } from "./is-probably-binary.js";
export { scanText, type ScanTextOptions } from "./scan-text.js";
export { scanBuffer, type ScanBufferOptions } from "./scan-buffer.js";
export { scanDiff } from "./scan-diff.js";
export { StreamScanner, type StreamScannerOptions } from "./stream-scanner.js";
export { DiffStreamScanner, type DiffScanOptions } from "./diff-stream-scanner.js";
export { GIT_LOG_FORMAT, COMMIT_MESSAGE_PATH } from "./git-log-format.js";
export { redactKeys, containsKeyShaped } from "./redact-keys.js";
