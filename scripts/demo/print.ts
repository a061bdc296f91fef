// The demo's output. Every line goes through `say`, which refuses to print anything key-shaped:
// the demo shows redacted forms only, and a slip would be a bug worth stopping for.

import { KEY_SHAPED } from "../../test/support/moltbook/random-key.js";

export function say(text = ""): void {
  if (KEY_SHAPED.test(text)) {
    throw new Error(
      "The demo was about to print a raw key (scripts/demo). To resolve, print its redacted form.",
    );
  }
  console.log(text);
}

/** A title line for one step of the story. */
export function step(n: number, title: string): void {
  say();
  say(`${n}. ${title}`);
}

/** Shows the first non-empty lines of a Markdown body, indented and fenced. */
export function quote(body: string, lines: number, width = 100): void {
  const shown = body
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("<!--"))
    .slice(0, lines);
  for (const line of shown) say(`     │ ${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
}

/** `412 ms` or `1.6 s`. */
export function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
