import type { IncomingMessage } from "node:http";

export const MAX_BODY_BYTES = 1 << 20;

/** The request's JSON body; `undefined` when empty; throws a message for a 422 when too large or not JSON. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BodyError(`The body is larger than ${MAX_BODY_BYTES} bytes.`);
    chunks.push(chunk);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new BodyError("The body is not valid JSON.");
  }
}

export class BodyError extends Error {}
