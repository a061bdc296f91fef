import { randomUUID } from "node:crypto";
import { sign } from "@octokit/webhooks-methods";

export interface DeliverOptions {
  event: string;
  payload: unknown;
  secret: string;
  /** X-GitHub-Delivery (default: a fresh UUID). Reuse one to simulate a redelivery. */
  id?: string;
  /** Sign with a different secret, as a forger without the real one would. */
  forgeSignature?: boolean;
  /** Send no signature header at all. */
  omitSignature?: boolean;
  /** Default `/api/github/webhooks`, Probot's webhook path. */
  path?: string;
}

export interface DeliveryResult {
  status: number;
  body: string;
  id: string;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** POSTs a signed webhook to the app, as GitHub does, and returns the status and body. */
export async function deliverWithResponse(
  appBaseUrl: string,
  options: DeliverOptions,
): Promise<DeliveryResult> {
  const url = new URL(options.path ?? "/api/github/webhooks", appBaseUrl);
  // Tests talk to servers they started on this machine, never to anything else.
  if (!LOOPBACK.has(url.hostname)) {
    throw new Error(
      `Refusing to deliver a webhook to ${url.host}. To resolve, pass the app's 127.0.0.1 address.`,
    );
  }
  const body = JSON.stringify(options.payload);
  const id = options.id ?? randomUUID();
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "GitHub-Hookshot/stand-in",
    "x-github-event": options.event,
    "x-github-delivery": id,
    "x-github-hook-id": "1",
  };
  const installation = (options.payload as { installation?: { id?: number } } | null)?.installation;
  if (installation?.id !== undefined) {
    headers["x-github-hook-installation-target-type"] = "integration";
    headers["x-github-hook-installation-target-id"] = String(installation.id);
  }
  if (!options.omitSignature) {
    const secret = options.forgeSignature ? `${options.secret}-forged` : options.secret;
    headers["x-hub-signature-256"] = await sign(secret, body);
  }
  const response = await fetch(url, { method: "POST", headers, body });
  return { status: response.status, body: await response.text(), id };
}

/** POSTs a signed webhook to the app and returns the HTTP status. */
export async function deliver(appBaseUrl: string, options: DeliverOptions): Promise<number> {
  return (await deliverWithResponse(appBaseUrl, options)).status;
}
