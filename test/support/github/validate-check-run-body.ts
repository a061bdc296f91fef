import { invalidRequest, validationFailed } from "./http-reply.js";
import type { AnnotationRecord } from "./stand-in-types.js";

export const CHECK_STATUSES = ["queued", "in_progress", "completed", "waiting", "requested", "pending"];
export const CHECK_CONCLUSIONS = [
  "action_required",
  "cancelled",
  "failure",
  "neutral",
  "success",
  "skipped",
  "stale",
  "timed_out",
];
const LEVELS = ["notice", "warning", "failure"];
const MAX_ANNOTATIONS = 50;
const TEXT_LIMIT = 65535;
const ANNOTATION_FIELDS = ["annotation_level", "end_line", "message", "path", "start_line"];

function notSupplied(fields: string[]): string {
  const quoted = fields.map((f) => `"${f}"`).join(", ");
  return fields.length === 1 ? `${quoted} wasn't supplied.` : `${quoted} weren't supplied.`;
}

function tooLong(value: unknown): string | null {
  return typeof value === "string" && value.length > TEXT_LIMIT
    ? `Only ${TEXT_LIMIT} characters are allowed; ${value.length} were supplied.`
    : null;
}

/**
 * Checks a create/update body the way GitHub does: schema problems (missing fields, more than 50
 * annotations, over-long text, bad enums) are a 422 "Invalid request." listing each problem on a
 * line; well-formed annotations that make no sense are a 422 "Validation Failed".
 */
export function validateCheckRunBody(body: Record<string, unknown>, creating: boolean): AnnotationRecord[] {
  const lines: string[] = [];
  if (creating) {
    const missing = ["head_sha", "name"].filter((f) => typeof body[f] !== "string" || body[f] === "");
    if (missing.length > 0) lines.push(notSupplied(missing));
  }
  if (body.status !== undefined && !CHECK_STATUSES.includes(String(body.status))) {
    lines.push(
      `For 'properties/status', "${String(body.status)}" is not one of ${JSON.stringify(CHECK_STATUSES)}.`,
    );
  }
  if (
    body.conclusion !== undefined &&
    body.conclusion !== null &&
    !CHECK_CONCLUSIONS.includes(String(body.conclusion))
  ) {
    lines.push(
      `For 'properties/conclusion', "${String(body.conclusion)}" is not one of ${JSON.stringify(CHECK_CONCLUSIONS)}.`,
    );
  }
  if ((body.status === "completed" || body.completed_at !== undefined) && !body.conclusion) {
    lines.push(notSupplied(["conclusion"]));
  }
  const annotations: AnnotationRecord[] = [];
  if (body.output !== undefined) {
    const output = (body.output ?? {}) as Record<string, unknown>;
    const missing = ["summary", "title"].filter((f) => typeof output[f] !== "string");
    if (missing.length > 0) lines.push(notSupplied(missing));
    for (const field of ["summary", "text"]) {
      const problem = tooLong(output[field]);
      if (problem) lines.push(problem);
    }
    const list = output.annotations;
    if (list !== undefined && !Array.isArray(list))
      lines.push(`For 'properties/annotations', ${JSON.stringify(list)} is not an array.`);
    if (Array.isArray(list)) {
      if (list.length > MAX_ANNOTATIONS) {
        lines.push(`No more than ${MAX_ANNOTATIONS} items are allowed; ${list.length} were supplied.`);
      }
      for (const item of list as Record<string, unknown>[]) {
        const absent = ANNOTATION_FIELDS.filter((f) => item?.[f] === undefined || item?.[f] === null);
        if (absent.length > 0) lines.push(notSupplied(absent));
        else if (!LEVELS.includes(String(item.annotation_level))) {
          lines.push(
            `For 'items/properties/annotation_level', "${String(item.annotation_level)}" is not one of ${JSON.stringify(LEVELS)}.`,
          );
        }
        for (const field of ["message", "raw_details", "title"]) {
          const problem = tooLong(item?.[field]);
          if (problem) lines.push(problem);
        }
        if (absent.length === 0) annotations.push(item as unknown as AnnotationRecord);
      }
    }
  }
  if (lines.length > 0) throw invalidRequest(lines);
  for (const a of annotations) {
    const lineNumbers = [a.start_line, a.end_line];
    const badLines = !lineNumbers.every((n) => Number.isInteger(n) && n >= 1) || a.start_line > a.end_line;
    const columns = a.start_column !== undefined || a.end_column !== undefined;
    if (badLines || typeof a.path !== "string" || a.path === "" || (columns && a.start_line !== a.end_line)) {
      throw validationFailed([{ resource: "CheckRun", code: "invalid", field: "annotations" }]);
    }
  }
  return annotations;
}
