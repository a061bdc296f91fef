import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprint, SecretValue } from "../../src/detect/index.js";
import { createMoltbookClient, MoltbookError } from "../../src/moltbook/index.js";
import { exportState, startSimulator, type RunningSimulator } from "../../src/moltbook/simulator/index.js";
import { captureLogger } from "../support/moltbook/capture-logger.js";
import { KEY_SHAPED, randomKey } from "../support/moltbook/random-key.js";

// Typed, actionable errors, and no raw key or admin key in any message, log line or record.

let sim: RunningSimulator;
let echo: Server;
let echoUrl: string;
const reader = randomKey();
const live = randomKey();

beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    state: {
      keys: [
        { key: reader, scopes: ["keys:read"] },
        { key: live, scopes: ["agents:read"] },
      ],
    },
  });
  // A badly behaved server that echoes the bearer and the body in its errors.
  echo = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const status = req.url?.includes("lookup") ? 400 : req.url?.includes("credentials") ? 422 : 500;
      res.writeHead(status, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          error: { code: "x", message: `you sent ${req.headers.authorization} with ${body}` },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
  echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}/api/v1`;
});

afterAll(async () => {
  await sim?.stop();
  await new Promise((resolve) => echo?.close(resolve));
});

const failureOf = (p: Promise<unknown>): Promise<MoltbookError> =>
  p.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e as MoltbookError,
  );

describe("errors", () => {
  it("says what to do when the governance key is rejected or lacks a scope", async () => {
    const unknown = createMoltbookClient({ baseUrl: sim.url, adminKey: randomKey() });
    const e401 = await failureOf(unknown.lookup(fingerprint(live)));
    expect(e401).toMatchObject({
      code: "unauthorized",
      status: 401,
      operation: "POST /keys/lookup",
      retryable: false,
    });
    expect(e401.message).toMatch(
      /^Moltbook rejected MOLTBOOK_ADMIN_KEY \(401 on POST \/keys\/lookup at http:\/\/127\.0\.0\.1:\d+\/api\/v1.*\)\. To resolve, /,
    );
    await unknown.close();

    const limited = createMoltbookClient({ baseUrl: sim.url, adminKey: reader });
    const e403 = await failureOf(limited.revoke(fingerprint(live), { reason: "leaked" }));
    expect(e403).toMatchObject({ code: "forbidden", status: 403 });
    expect(e403.message).toMatch(
      /^MOLTBOOK_ADMIN_KEY lacks keys:revoke \(403 on POST \/keys\/revoke .*\)\. To resolve, grant the governance key keys:revoke/,
    );
    const audit = await failureOf(
      (async () => {
        for await (const _ of limited.auditLogs({ since: new Date() })) break;
      })(),
    );
    expect(audit.message).toMatch(/^MOLTBOOK_ADMIN_KEY lacks audit:read/);
    await limited.close();
  });

  it("says where it could not connect", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const nowhere = createMoltbookClient({
      baseUrl: `http://127.0.0.1:${port}/api/v1`,
      adminKey: randomKey(),
      retries: 1,
      backoff: { baseMs: 5, maxMs: 5 },
    });
    const e = await failureOf(nowhere.lookup(fingerprint(live)));
    expect(e).toMatchObject({ code: "unavailable", retryable: true });
    expect(e.message).toMatch(
      /^Moltbook did not answer \(ECONNREFUSED, POST \/keys\/lookup at http:\/\/127\.0\.0\.1:\d+\/api\/v1\)\. To resolve, /,
    );
    await nowhere.close();
  });

  it("never puts a raw key or the admin key in a message, an error, a log line or a simulator record", async () => {
    const log = captureLogger();
    const keyShapedAdmin = randomKey();
    const plainAdmin = `adm-${randomBytes(20).toString("hex")}`;
    const leaked = randomKey();
    const texts: string[] = [];
    const collect = (e: MoltbookError): void => {
      texts.push(e.message, inspect(e, { depth: 10 }), JSON.stringify(e), String(e.stack));
    };
    for (const adminKey of [keyShapedAdmin, plainAdmin]) {
      const bad = createMoltbookClient({
        baseUrl: echoUrl,
        adminKey,
        logger: log,
        retries: 1,
        backoff: { baseMs: 5, maxMs: 5 },
      });
      collect(await failureOf(bad.lookup(fingerprint(leaked))));
      collect(await failureOf(bad.revoke(fingerprint(leaked), { reason: "leaked" })));
      collect(await failureOf(bad.reportCredential(new SecretValue(leaked))));
      collect(await failureOf(bad.agentMe(new SecretValue(leaked))));
      texts.push(inspect(bad, { depth: 10 }));
      await bad.close();
      const good = createMoltbookClient({ baseUrl: sim.url, adminKey, logger: log });
      collect(await failureOf(good.lookup(fingerprint(leaked))));
      await good.agentMe(new SecretValue(live));
      await good.reportCredential(new SecretValue(leaked));
      await good.close();
    }
    texts.push(...log.lines, JSON.stringify(sim.state.calls), JSON.stringify(exportState(sim.state)));
    const all = texts.join("\n");
    expect(log.lines.length).toBeGreaterThan(10);
    expect(all).toContain("[redacted]"); // the echo server's words were there, scrubbed
    for (const secret of [keyShapedAdmin, plainAdmin, leaked, live, reader])
      expect(all).not.toContain(secret);
    expect(all).not.toMatch(KEY_SHAPED);
  });
});
