import { readFileSync } from "node:fs";
import { parse } from "yaml";

/** A config variant from test/fixtures/config, parsed as Probot parses it. */
export function loadFixture(name: string): unknown {
  const text = readFileSync(new URL(`../fixtures/config/${name}`, import.meta.url), "utf8");
  return parse(text) ?? {};
}
