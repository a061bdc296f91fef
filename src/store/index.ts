// The store's public face. Everything outside src/store/ imports from here only.
export type { Store } from "./store.js";
export type * from "./records.js";
export { INCIDENT_STATES } from "./records.js";
export { openStore, DEFAULT_DATABASE_FILE, type OpenStoreOptions } from "./open-store.js";
export { contentHash } from "./content-hash.js";
export { incidentTransitions } from "./incident-transitions.js";
export { revokedIncidentUpdate } from "./revoked-incident-update.js";
