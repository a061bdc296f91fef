import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderReport, FORMATS, type Format } from "../../src/report/render-report.js";
import { emptyReport, sampleReport, verifiedReport } from "./sample-report.js";

// Golden files: rerun with UPDATE_GOLDEN=1 to rewrite them after an intended change, then review the diff.
// A `.golden` suffix keeps formatters away from them: the bytes are exactly what the renderer printed.
const EXT: Record<Format, string> = { text: "txt", json: "json", sarif: "sarif", github: "github" };

function golden(name: string, actual: string): void {
  const file = new URL(`./golden/${name}`, import.meta.url);
  if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, "utf8"));
}

describe("renderers", () => {
  for (const format of FORMATS) {
    it(`${format} matches its golden file and never holds a raw key`, () => {
      const { report, keys } = sampleReport();
      const out = renderReport(report, format, { color: false, version: "1.2.3" });
      for (const k of keys) {
        expect(out).not.toContain(k);
        expect(out).not.toContain(k.slice(12));
      }
      golden(`sample.${EXT[format]}.golden`, out);
    });
  }

  for (const format of FORMATS) {
    it(`${format} shows what --verify learnt, and fits its advice to it`, () => {
      const { report, keys } = verifiedReport();
      const out = renderReport(report, format, { color: false, version: "1.2.3" });
      for (const k of keys) expect(out).not.toContain(k.slice(12));
      golden(`verified.${EXT[format]}.golden`, out);
    });
  }

  it("text says so when nothing was found, and colours only when asked", () => {
    const plain = renderReport(emptyReport(), "text", { color: false, version: "1" });
    expect(plain).toBe("No Moltbook keys found (3 files, 900 B in 2 ms).\n");
    const coloured = renderReport(sampleReport().report, "text", { color: true, version: "1" });
    expect(coloured).toContain("\u001b[31mmoltbook_api_key\u001b[39m");
  });

  it("json and sarif parse, and github escapes its properties", () => {
    const { report } = sampleReport();
    const json = JSON.parse(renderReport(report, "json", { color: false, version: "1" }));
    expect(json.findings[2]).toMatchObject({ path: "(commit message)", commit: report.findings[2].commit });
    expect(json.findings[0]).not.toHaveProperty("commit");
    expect(json.findings[0]).not.toHaveProperty("secret");
    const sarif = JSON.parse(renderReport(report, "sarif", { color: false, version: "1" }));
    expect(sarif.runs[0].results[1].locations[0].physicalLocation.artifactLocation.uri).toBe(
      "config/a%2Cb%3Ac%20%25.env",
    );
    const github = renderReport(report, "github", { color: false, version: "1" });
    expect(github).toContain("::error file=config/a%2Cb%3Ac %25.env,line=3,col=1,");
  });
});
