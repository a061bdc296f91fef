/** Option names compared as people mistype them: case, `-` for `_`, camelCase. */
function normalise(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, "");
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** The known name closest to `name`, if any is close enough to be a likely typo. */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  const target = normalise(name);
  let best: { name: string; d: number } | undefined;
  for (const candidate of known) {
    const d = distance(target, normalise(candidate));
    if (!best || d < best.d) best = { name: candidate, d };
  }
  const limit = Math.max(1, Math.floor(target.length / 3));
  return best && best.d <= limit ? best.name : undefined;
}
