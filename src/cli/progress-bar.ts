/** What a scan reports as it goes; the no-op version is used when stderr is not a terminal. */
export interface Progress {
  setTotal(total: number): void;
  tick(items: number, bytes: number): void;
  stop(): void;
}

const SILENT: Progress = { setTotal() {}, tick() {}, stop() {} };
const REDRAW_MS = 100;

/**
 * A bar on stderr (items, bytes, rate) for long scans; silent unless `enabled`. cli-progress is
 * loaded only then, so pipes and hooks do not pay for it at start-up.
 */
export async function createProgress(enabled: boolean, unit: "files" | "commits"): Promise<Progress> {
  if (!enabled) return SILENT;
  const { default: cliProgress } = await import("cli-progress");
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: ` {bar} {value}/{total} ${unit} | {mb} MB | {rate} MB/s`,
      hideCursor: true,
      clearOnComplete: true,
      barsize: 30,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let items = 0;
  let bytes = 0;
  let drawn = 0;
  const payload = () => {
    const secs = Math.max((Date.now() - started) / 1000, 0.001);
    return { mb: (bytes / 1e6).toFixed(1), rate: (bytes / 1e6 / secs).toFixed(1) };
  };
  let shown = false;
  return {
    // The bar appears once the total is known (after the walk, or git's commit count), never as 0/0.
    setTotal(total) {
      bar.start(total, items, payload());
      shown = true;
    },
    tick(n, b) {
      items += n;
      bytes += b;
      if (!shown) return;
      const now = Date.now();
      // Redraw at most ten times a second: a directory scan ticks once per file.
      if (now - drawn < REDRAW_MS) return;
      drawn = now;
      bar.update(items, payload());
    },
    stop() {
      if (!shown) return;
      bar.update(items, payload());
      bar.stop();
    },
  };
}
