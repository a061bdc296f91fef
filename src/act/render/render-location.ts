import { escapeMarkdown, inlineCode, link } from "../../report/markdown.js";
import { commitUrl, isProsePath, locationUrl } from "./location-url.js";
import type { IncidentLocation, RenderContext } from "./model.js";

const ENCODING_NOTE: Record<IncidentLocation["encoding"], string> = {
  plain: "",
  base64: "base64-encoded",
  base64url: "base64url-encoded",
  percent: "percent-encoded",
  escape: "written with escape sequences",
  concatenation: "split across concatenated strings",
  "line-continuation": "split across continued lines",
};

/** "[`src/app.ts` line 12](…) in commit [`abc1234`](…), base64-encoded". */
export function renderLocation(location: IncidentLocation, context: RenderContext): string {
  const parts: string[] = [];
  const url = locationUrl(location, context);
  if (isProsePath(location.path)) {
    parts.push(`${escapeMarkdown(location.path.slice(1, -1))}, line ${location.line}`);
  } else {
    const text = `${inlineCode(location.path)} line ${location.line}`;
    parts.push(url ? link(text, url) : text);
  }
  if (location.commit) {
    parts.push(
      `in commit ${link(inlineCode(location.commit.slice(0, 7)), commitUrl(location.commit, context))}`,
    );
  }
  const note = ENCODING_NOTE[location.encoding];
  return note ? `${parts.join(" ")}, ${note}` : parts.join(" ");
}

/** Unique by place, in the order given, so a sighting reported twice is listed once. */
export function uniqueLocations(locations: readonly IncidentLocation[]): IncidentLocation[] {
  const seen = new Set<string>();
  return locations.filter((l) => {
    const key = `${l.commit ?? ""}\0${l.path}\0${l.line}\0${l.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A Markdown bullet list of sightings, at most `max` of them and a count of the rest. */
export function renderLocationList(
  locations: readonly IncidentLocation[],
  context: RenderContext,
  max = 10,
  indent = "",
): string {
  const unique = uniqueLocations(locations);
  const lines = unique.slice(0, max).map((l) => `${indent}- ${renderLocation(l, context)}`);
  if (unique.length > max) lines.push(`${indent}- and ${unique.length - max} more`);
  return lines.join("\n");
}
