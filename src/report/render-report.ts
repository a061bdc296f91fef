import type { ScanReport } from "./scan-report.js";
import { renderGithub } from "./render-github.js";
import { renderJson } from "./render-json.js";
import { renderSarif } from "./render-sarif.js";
import { renderText } from "./render-text.js";

export const FORMATS = ["text", "json", "sarif", "github"] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  color: boolean;
  version: string;
}

/** Picks the renderer for a format; every renderer takes the same report. */
export function renderReport(report: ScanReport, format: Format, options: RenderOptions): string {
  switch (format) {
    case "text":
      return renderText(report, { color: options.color });
    case "json":
      return renderJson(report);
    case "sarif":
      return renderSarif(report, { version: options.version });
    case "github":
      return renderGithub(report);
  }
}
