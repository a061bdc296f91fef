import { describe, expect, it } from "vitest";
import { evaluateAccountability } from "../../../src/governance/policy/evaluate-accountability.js";
import { DEFAULT_GOVERNANCE_POLICY as POLICY } from "../../../src/governance/policy/types.js";
import { makeKey } from "../make-key.js";

describe("evaluateAccountability", () => {
  const cases: Array<[string, Parameters<typeof makeKey>[0], string[]]> = [
    ["all recorded", {}, []],
    ["no purpose", { purpose: null }, ["purpose"]],
    ["blank purpose", { purpose: "   " }, ["purpose"]],
    ["no project", { project: null }, ["project"]],
    ["project not owner/repo", { project: "just-a-name" }, ["project"]],
    ["owner by email only is enough", { owner: { email: "bob@example.com", github_login: null } }, []],
    ["owner by login only is enough", { owner: { email: null, github_login: "bob" } }, []],
    ["no owner", { owner: { email: null, github_login: null } }, ["owner"]],
    [
      "nothing",
      { purpose: null, project: null, owner: { email: "", github_login: " " } },
      ["purpose", "project", "owner"],
    ],
    ["revoked keys are not judged", { status: "revoked", purpose: null }, []],
  ];

  it.each(cases)("%s", (_name, overrides, missing) => {
    const f = evaluateAccountability(makeKey(overrides), POLICY);
    expect(f?.missing ?? []).toEqual(missing);
    if (f) expect(f).toMatchObject({ kind: "accountability", severity: "low" });
  });

  it("switched off, reports nothing", () => {
    expect(
      evaluateAccountability(makeKey({ purpose: null }), { accountability: { enabled: false } }),
    ).toBeNull();
  });
});
