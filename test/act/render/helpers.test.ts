import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../../src/act/render/index.js";
import { envVarName, toEnvName } from "../../../src/act/render/env-var-name.js";
import { lifecycleStage, overallStage } from "../../../src/act/render/lifecycle-stage.js";
import { fixedKey, incident } from "./fixtures.js";

describe("detectLanguage", () => {
  it.each([
    ["src/a.ts", "javascript"],
    ["web/App.TSX", "javascript"],
    ["lib/x.cjs", "javascript"],
    ["bot/main.py", "python"],
    ["cmd/main.go", "go"],
    ["Gemfile", "ruby"],
    ["app/Main.java", "java"],
    ["build.gradle.kts", "kotlin"],
    ["scripts/run.sh", "shell"],
    [".envrc", "shell"],
    [".env", "dotenv"],
    ["services/api/.env.production", "dotenv"],
    ["Dockerfile", "dockerfile"],
    ["docker/Dockerfile.dev", "dockerfile"],
    [".github/workflows/ci.yml", "github-actions"],
    [".github/workflows/nested/ci.yml", "yaml"],
    ["config.yaml", "yaml"],
    ["package.json", "json"],
    ["README", "generic"],
    [".eslintrc", "generic"],
  ])("%s is %s", (path, language) => {
    expect(detectLanguage(path)).toBe(language);
  });
});

describe("envVarName", () => {
  it.each([
    ["const MOLTBOOK_KEY = ", "MOLTBOOK_KEY"],
    ["val moltbookApiKey: String = ", "MOLTBOOK_API_KEY"],
    ['  "moltbook_token": ', "MOLTBOOK_TOKEN"],
    ["moltbookKey := ", "MOLTBOOK_KEY"],
    ["const apiKey = ", "MOLTBOOK_API_KEY"],
    ["client.connect(", "MOLTBOOK_API_KEY"],
    ["const GITHUB_MOLTBOOK = ", "MOLTBOOK_API_KEY"],
  ])("%j names %s", (prefix, name) => {
    expect(envVarName(prefix)).toBe(name);
  });

  it("converts identifiers", () => {
    expect(toEnvName("moltbookAPIKey")).toBe("MOLTBOOK_API_KEY");
    expect(toEnvName("x-moltbook-key")).toBe("X_MOLTBOOK_KEY");
  });
});

describe("lifecycle", () => {
  const key = fixedKey(1);
  it("moves found → revoked → resolved, or found → removed", () => {
    expect(lifecycleStage(incident(key, { status: "report_only" }))).toBe("found");
    expect(lifecycleStage(incident(key, { status: "revoked" }))).toBe("revoked");
    expect(lifecycleStage(incident(key, { status: "dry_run", removedFromHead: true }))).toBe("removed");
    expect(lifecycleStage(incident(key, { status: "reported", removedFromHead: true }))).toBe("resolved");
  });

  it("describes a set by its worst member", () => {
    expect(
      overallStage([incident(key, { removedFromHead: true }), incident(key, { status: "unknown" })]),
    ).toBe("found");
    expect(overallStage([])).toBe("resolved");
  });
});
