/** GitHub accepts at most 50 annotations per check-run request; the rest go in follow-up updates. */
export function chunkAnnotations<T>(annotations: readonly T[], size = 50): T[][] {
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(
      `Annotation chunk size ${size} is not a positive integer (chunkAnnotations). To resolve, pass 50.`,
    );
  }
  const chunks: T[][] = [];
  for (let i = 0; i < annotations.length; i += size) chunks.push(annotations.slice(i, i + size));
  return chunks;
}
