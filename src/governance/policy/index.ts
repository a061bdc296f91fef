// The pure governance rules: key records and policy in, findings and decisions out.
export * from "./types.js";
export { DAY_MS, parseTime } from "./parse-time.js";
export { isGovernanceKey } from "./is-governance-key.js";
export { evaluateRotation } from "./evaluate-rotation.js";
export { evaluateLeastPrivilege } from "./evaluate-least-privilege.js";
export { evaluateAccountability } from "./evaluate-accountability.js";
export { evaluateKey } from "./evaluate-key.js";
export { resolveGovernanceRepo } from "./resolve-governance-repo.js";
export { mapKeyToRepo, type RepoMapping } from "./map-key-to-repo.js";
export { closeReason, type CloseReason } from "./close-reason.js";
export { planIssueAction, type ExistingIssue, type IssueAction } from "./plan-issue-action.js";
