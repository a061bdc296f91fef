// Shared test data for the renderers. Keys are built at run time, never written down: fixed ones
// from a seeded generator (so goldens are stable), random ones for the leak checks.
import { randomBytes } from "node:crypto";
import { fingerprint, redact } from "../../../src/detect/index.js";
import type { IncidentView, RenderContext } from "../../../src/act/render/index.js";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
const PREFIX = ["moltbook", "sk", ""].join("_");

/** mulberry32: small, seeded, good enough to make stable fake key bodies. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A fixed fake API key for `seed`: the same on every run. */
export function fixedKey(seed: number): string {
  const next = seeded(seed);
  let body = "";
  for (let i = 0; i < 32; i++) body += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return PREFIX + body;
}

/** A fresh random API key. */
export function randomKey(): string {
  return PREFIX + randomBytes(24).toString("base64url");
}

/** A fixed fake developer app key. */
export function fixedDevKey(seed: number): string {
  return ["moltdev", fixedKey(seed).slice(PREFIX.length)].join("_");
}

export const HEAD_SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b";
export const COMMIT_SHA = "2c26b46b68ffc68ff99b453c1d30413413422d70";

export function context(overrides: Partial<RenderContext> = {}): RenderContext {
  return {
    repoFullName: "acme/widgets",
    visibility: "public",
    defaultBranch: "main",
    prNumber: 42,
    headSha: HEAD_SHA,
    pusher: "octocat",
    htmlBaseUrl: "https://github.com",
    now: "2026-11-29T01:02:09.000Z",
    ...overrides,
  };
}

/** An incident for the key, built the way the app builds one: only fingerprint and redacted form. */
export function incident(key: string, overrides: Partial<IncidentView> = {}): IncidentView {
  return {
    fingerprint: fingerprint(key),
    redacted: redact(key),
    kind: key.startsWith("moltdev_") ? "moltbook_dev_key" : "moltbook_api_key",
    status: "revoked",
    revokedAt: "2026-11-29T01:02:04.200Z",
    detectedAt: "2026-11-29T01:02:03.000Z",
    keyName: "ci-bot",
    keyOwner: "alice@acme.test",
    keyScopes: ["posts:write", "agents:read"],
    locations: [{ path: "src/client.ts", line: 12, column: 17, encoding: "plain" }],
    removedFromHead: false,
    ...overrides,
  };
}

/** Anything key-shaped: what no rendered output or golden may ever contain. */
export const KEY_SHAPED = /moltbook_sk_[A-Za-z0-9_-]{32}|moltdev_[A-Za-z0-9_-]{16,}/;
