const UNITS: Record<string, number> = { "": 1, b: 1, k: 1e3, kb: 1e3, m: 1e6, mb: 1e6, g: 1e9, gb: 1e9 };

/** Reads a size such as `10MB`, `512k` or `1000000` (decimal units); 0 means "no limit". */
export function parseSize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = m ? UNITS[m[2].toLowerCase()] : undefined;
  if (!m || unit === undefined) {
    throw new Error(
      `--max-file-size "${text}" is not a size. To resolve, pass a number of bytes or e.g. 10MB, 512kB, 0 for no limit.`,
    );
  }
  return Math.round(Number(m[1]) * unit);
}
