import { sniffEncoding } from "./text-encoding.js";

/** Like git: a NUL byte in the first 8 KiB means binary, unless a BOM says the text is UTF-16. */
export function isProbablyBinary(buf: Uint8Array): boolean {
  if (sniffEncoding(buf).encoding !== "utf-8") return false;
  const head = buf.length > 8192 ? buf.subarray(0, 8192) : buf;
  return head.indexOf(0) !== -1;
}
