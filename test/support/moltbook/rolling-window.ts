/** The most calls any rolling window of `windowMs` holds, given arrival times (ms). */
export function maxInRollingWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end] - sorted[start] >= windowMs) start++;
    max = Math.max(max, end - start + 1);
  }
  return max;
}
