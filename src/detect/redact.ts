/** The one printable form of a key: its prefix, the first and last four body characters. */
export function redact(key: string): string {
  const prefixEnd = key.startsWith("moltbook_sk_") ? 12 : key.startsWith("moltdev_") ? 8 : 0;
  const body = key.slice(prefixEnd);
  if (body.length <= 8) return `${key.slice(0, prefixEnd)}…`;
  return `${key.slice(0, prefixEnd)}${body.slice(0, 4)}…${body.slice(-4)}`;
}
