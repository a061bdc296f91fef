// Commands in the app's issues and pull-request comments: parsing, permission, replies. Pure.
export * from "./types.js";
export { parseCommand } from "./parse-command.js";
export { parseDuration, type ParsedDuration } from "./parse-duration.js";
export { findCommandLine } from "./find-command-line.js";
export { sanitizeReason, MAX_REASON_CHARS } from "./sanitize-reason.js";
export { hasWriteAccess } from "./has-write-access.js";
export { COMMAND_SPECS, type CommandSpec } from "./command-specs.js";
export { commandAvailability } from "./command-availability.js";
export { renderHelp } from "./render-help.js";
export { renderRefusal } from "./render-refusal.js";
export { renderCommandReply, type CommandReply } from "./render-command-reply.js";
