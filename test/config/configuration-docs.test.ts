import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { configSchema } from "../../src/config/config-schema.js";
import { allOptionPaths } from "../../src/config/schema-at-path.js";

it("docs/configuration.md names every option", () => {
  const docs = readFileSync(new URL("../../docs/configuration.md", import.meta.url), "utf8");
  const paths = allOptionPaths(configSchema).map((p) => p.join("."));
  // Sections are documented through their options; every option itself must appear.
  const options = paths.filter((path) => !paths.some((other) => other.startsWith(`${path}.`)));
  const missing = options.filter((path) => !docs.includes(`\`${path}\``));
  expect(options.length).toBeGreaterThan(30);
  expect(missing).toEqual([]);
});
