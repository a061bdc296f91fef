import { describe, expect, it } from "vitest";
import { closeReason } from "../../../src/governance/policy/close-reason.js";
import { daysFromNow, makeKey } from "../make-key.js";

const old = makeKey({
  id: "key_old",
  status: "revoked",
  revoked_at: daysFromNow(-1),
  created_at: daysFromNow(-100),
});

describe("closeReason", () => {
  it.each([
    ["gone from the inventory", null, [], "removed"],
    ["still active (fixed)", makeKey(), [], "fixed"],
    ["revoked, nothing replaced it", old, [old], "revoked"],
    ["disabled after expiry", { ...old, status: "expired" as const }, [], "expired"],
    ["replaced by its own sub-key", old, [old, makeKey({ id: "key_new", parent_id: "key_old" })], "rotated"],
    [
      "replaced by a newer sibling for the same project",
      old,
      [
        old,
        makeKey({ id: "key_new", parent_id: "key_root", project: "ACME/api", created_at: daysFromNow(-2) }),
      ],
      "rotated",
    ],
    [
      "a sibling for another project is no replacement",
      old,
      [makeKey({ id: "key_new", parent_id: "key_root", project: "acme/web", created_at: daysFromNow(-2) })],
      "revoked",
    ],
    [
      "an older sibling is no replacement",
      old,
      [makeKey({ id: "key_new", parent_id: "key_root", created_at: daysFromNow(-200) })],
      "revoked",
    ],
    [
      "a revoked sub-key is no replacement",
      old,
      [makeKey({ id: "key_new", parent_id: "key_old", status: "revoked" })],
      "revoked",
    ],
  ] as const)("%s", (_name, key, inventory, expected) => {
    expect(closeReason(key, inventory)).toBe(expected);
  });
});
