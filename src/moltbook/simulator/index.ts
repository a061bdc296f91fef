// The simulator's public face, for tests, benchmarks and `moltbook-guard simulate`.
export { startSimulator } from "./start-simulator.js";
export type { RunningSimulator, SimulatorOptions } from "./simulator-options.js";
export { FaultController, parseLatency, type FaultOptions, type Latency, type FaultKind } from "./faults.js";
export type { CallRecord, Handout } from "./sim-types.js";
export type { SimulatorState } from "./simulator-state.js";
export { exportState, type StateFile } from "./state-file.js";
