/** The contract's operations, named `METHOD /path` as in the OpenAPI file, and the scope each needs. */
export const OPERATION_SCOPES = {
  "GET /agents/me": null,
  "GET /keys": "keys:read",
  "GET /keys/{id}": "keys:read",
  "POST /keys/lookup": "keys:read",
  "POST /keys/revoke": "keys:revoke",
  "POST /credentials/revoke": null,
  "GET /audit-logs": "audit:read",
} as const;

export type Operation = keyof typeof OPERATION_SCOPES;

/** At most this many fingerprints or credentials go in one call. */
export const MAX_BATCH = 100;
