// The Moltbook module's public face: the client, its errors, the start-up check, and the simulator.
export { createMoltbookClient } from "./client.js";
export type {
  AgentMeResult,
  AuditLogsOptions,
  KeysOptions,
  MoltbookClient,
  ReportResult,
  RevokeOptions,
} from "./client-types.js";
export {
  DEFAULT_BASE_URL,
  moltbookClientOptionsFromEnv,
  type MoltbookClientOptions,
} from "./client-options.js";
export { checkGovernanceKey, type GovernanceKeyCheck } from "./check-governance-key.js";
export { MoltbookError, isMoltbookError, type MoltbookErrorCode } from "./errors.js";
export type { Logger } from "./logger.js";
export { OPERATION_SCOPES, MAX_BATCH, type Operation } from "./operations.js";
export * from "./types.js";
export { startSimulator } from "./simulator/start-simulator.js";
export type { RunningSimulator, SimulatorOptions } from "./simulator/simulator-options.js";
