import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { parse } from "yaml";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const OPENAPI_PATH = path.resolve(repoRoot, "../shared/moltbook-api.openapi.yaml");

interface Spec {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { $ref?: string; content?: unknown; headers?: unknown }> }>
  >;
  components: { responses: Record<string, { content?: unknown; headers?: unknown }> };
}

export const spec = parse(readFileSync(OPENAPI_PATH, "utf8")) as Spec;

// ajv-formats is CommonJS with a default export; under NodeNext it arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  a: Ajv2020,
) => Ajv2020;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(spec, "moltbook");

const pointer = (...parts: string[]): string =>
  parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

/** Every (operation, status) pair the contract declares, e.g. `POST /keys/revoke 403`. */
export function declaredResponses(): string[] {
  const out: string[] = [];
  for (const [p, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      for (const status of Object.keys(op.responses)) out.push(`${method.toUpperCase()} ${p} ${status}`);
    }
  }
  return out;
}

/** The response object for an operation and status, following a `$ref` into components. */
function responseOf(operation: string, status: number) {
  const [method, p] = operation.split(" ");
  const response = spec.paths[p]?.[method.toLowerCase()]?.responses[String(status)];
  if (!response) return undefined;
  if (response.$ref) {
    const name = response.$ref.split("/").pop()!;
    return { response: spec.components.responses[name], base: ["#", "components", "responses", name] };
  }
  return { response, base: ["#", "paths", p, method.toLowerCase(), "responses", String(status)] };
}

/** Validates one response against the contract; returns the problems (none when it conforms). */
export function checkResponse(operation: string, status: number, body: unknown, headers: Headers): string[] {
  const found = responseOf(operation, status);
  if (!found) return [`${operation} does not declare status ${status}`];
  const problems: string[] = [];
  const [hash, ...rest] = found.base;
  const ref = `moltbook${hash}/${pointer(...rest, "content", "application/json", "schema")}`;
  const validate = ajv.getSchema(ref);
  if (!validate) return [`no schema at ${ref}`];
  if (!validate(body)) problems.push(...(validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
  for (const name of ["x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"]) {
    if (!/^\d+$/.test(headers.get(name) ?? "")) problems.push(`header ${name} missing or not an integer`);
  }
  if (status === 429 && !/^\d+$/.test(headers.get("retry-after") ?? ""))
    problems.push("429 without an integer Retry-After");
  if (!(headers.get("content-type") ?? "").startsWith("application/json"))
    problems.push("content-type is not JSON");
  return problems;
}

/** Every `example` / `examples` value in the contract, with where it sits. */
export function contractExamples(): { where: string; value: unknown }[] {
  const out: { where: string; value: unknown }[] = [];
  const walk = (node: unknown, where: string): void => {
    if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${where}/${i}`));
    else if (node && typeof node === "object") {
      for (const [k, v] of Object.entries(node)) {
        if (k === "example") out.push({ where, value: v });
        else if (k === "examples" && v && typeof v === "object") {
          for (const [name, ex] of Object.entries(v))
            out.push({ where: `${where}#${name}`, value: (ex as { value?: unknown }).value ?? ex });
        } else walk(v, `${where}/${k}`);
      }
    }
  };
  walk(spec, "");
  return out;
}
