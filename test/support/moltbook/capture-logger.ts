import type { Logger } from "../../../src/moltbook/index.js";

/** A pino-like logger that keeps every line as text, to assert on what would have been logged. */
export function captureLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const at =
    (level: string) =>
    (obj: object, msg?: string): void => {
      lines.push(`${level} ${msg ?? ""} ${JSON.stringify(obj)}`);
    };
  return { lines, debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}
