// The rows the store keeps, as the rest of the app sees them, by area.
export * from "./incident-records.js";
export * from "./owned-object-records.js";
export * from "./job-records.js";
export * from "./governance-records.js";
