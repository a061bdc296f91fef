import { generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeMiddleware, Probot, type ApplicationFunction } from "probot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  deliver,
  deliverWithResponse,
  startGitHubStandIn,
  type GitHubStandIn,
  type RepoHandle,
} from "../../support/github/index.js";

const SECRET = "stand-in-webhook-secret";
let standIn: GitHubStandIn;
let repo: RepoHandle;
let server: Server;
let appUrl: string;

// A real Probot app, authenticating as a GitHub App against the stand-in: JWT, installation token,
// raw config through the config plugin, then a comment.
const appFn: ApplicationFunction = (app) => {
  app.on("issues.opened", async (context) => {
    const config = (await context.config<{ revocation?: { mode?: string } }>("moltbook-guard.yml")) ?? {};
    await context.octokit.rest.issues.createComment(
      context.issue({ body: `mode=${config.revocation?.mode ?? "none"}` }),
    );
  });
};

beforeAll(async () => {
  standIn = await startGitHubStandIn();
  repo = await standIn.createRepo("acme/webhooks");
  await repo.write(".github/moltbook-guard.yml", "revocation:\n  mode: report\n");
  await repo.commit("config");
  await repo.push();
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  const probot = new Probot({
    appId: 1,
    privateKey,
    secret: SECRET,
    baseUrl: standIn.apiUrl,
    logLevel: "fatal",
  });
  const middleware = await createNodeMiddleware(appFn, { probot });
  server = createServer((req, res) => {
    void middleware(req, res, () => {
      res.writeHead(404);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await standIn?.stop();
});

describe("deliver", () => {
  it("delivers a signed webhook that a real Probot app accepts and acts on through the stand-in", async () => {
    const number = standIn.openIssue(repo, { title: "Hello", body: "text", user: "visitor" });
    const status = await deliver(appUrl, {
      event: "issues",
      payload: standIn.issuesPayload(repo, number, "opened"),
      secret: SECRET,
    });
    expect(status).toBe(200);
    expect(standIn.comments(repo, number).map((c) => [c.body, (c.user as { login: string }).login])).toEqual([
      ["mode=report", "moltbook-guard[bot]"],
    ]);
    expect(standIn.appJwts.length).toBeGreaterThan(0);
    const token = standIn.callsTo("POST", /^\/app\/installations\/1\/access_tokens$/);
    expect(token.map((c) => [c.status, c.headers.authorization])).toEqual([[201, "bearer [redacted]"]]);
    const config = standIn.callsTo("GET", /\/contents\/\.github\/moltbook-guard\.yml$/);
    expect(config[0]).toMatchObject({
      status: 200,
      path: "/repos/acme/webhooks/contents/.github/moltbook-guard.yml",
    });
    expect(standIn.calls.filter((c) => c.unmatched)).toEqual([]);
  });

  it("forged or missing signatures are refused and reach no handler", async () => {
    const number = standIn.openIssue(repo, { title: "Forged", user: "mallory" });
    const payload = standIn.issuesPayload(repo, number, "opened");
    const forged = await deliverWithResponse(appUrl, {
      event: "issues",
      payload,
      secret: SECRET,
      forgeSignature: true,
    });
    const missing = await deliverWithResponse(appUrl, {
      event: "issues",
      payload,
      secret: SECRET,
      omitSignature: true,
    });
    expect([forged.status, missing.status]).toEqual([400, 400]);
    expect(forged.body).toMatch(/signature does not match/i);
    expect(missing.body).toMatch(/x-hub-signature-256/i);
    expect(standIn.comments(repo, number)).toEqual([]);
  });

  it("builds installation payloads listing the installation's repositories", async () => {
    const payload = standIn.installationPayload(1, { action: "created", sender: "acme-admin" });
    expect(payload).toMatchObject({
      action: "created",
      installation: { id: 1, account: { login: "acme" }, app_slug: "moltbook-guard" },
      repositories: [{ full_name: "acme/webhooks", private: false }],
      sender: { login: "acme-admin" },
    });
    expect(await deliver(appUrl, { event: "installation", payload, secret: SECRET })).toBe(200);
  });

  it("refuses to send anywhere but loopback", async () => {
    await expect(
      deliver("http://example.com", { event: "ping", payload: {}, secret: SECRET }),
    ).rejects.toThrow(/Refusing/);
  });
});
