import { API, makeDevKey, makeKey } from "./make-key.js";

const b64 = (s: string) => Buffer.from(s).toString("base64");
const hex = (s: string) => [...s].map((c) => "%" + c.charCodeAt(0).toString(16).toUpperCase()).join("");
const esc = (s: string) => [...s].map((c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0")).join("");

/** One line (or a few) holding a key in each form the detector decodes; built fresh each call. */
export function keyForms(): { name: string; text: string; key: string }[] {
  const k = () => makeKey();
  const forms: { name: string; make: (key: string) => string; key?: string }[] = [
    { name: "plain", make: (key) => `const KEY = "${key}";` },
    { name: "dev key", make: (key) => `MOLTDEV=${key}`, key: makeDevKey(40) },
    { name: "base64", make: (key) => `  MOLTBOOK_API_KEY: ${b64(key)}` },
    { name: "base64 .env", make: (key) => `ENV: ${b64(`A=1\nMOLTBOOK_API_KEY=${key}\nB=2\n`)}` },
    { name: "percent", make: (key) => `GET /me?key=${hex(key)} HTTP/1.1` },
    { name: "escape", make: (key) => `{"key": "${esc(key)}"}` },
    { name: "concatenation", make: (key) => `k = "${key.slice(0, 20)}" +\n    "${key.slice(20)}";` },
    { name: "line-continuation", make: (key) => `export K=${key.slice(0, 30)}\\\n${key.slice(30)}` },
  ];
  return forms.map((f) => {
    const key = f.key ?? k();
    return { name: f.name, text: f.make(key), key };
  });
}

/** Filler that looks like code and mentions moltbook without holding a key. */
export function filler(lines: number, seed = 1): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const n = (i * 7919 + seed) % 13;
    if (n === 0)
      out.push(`const moltbook_client_${i} = new MoltbookClient({ url: process.env.MOLTBOOK_API_URL });`);
    else if (n === 5)
      out.push(`// see ${API}... in the docs, or moltbook_sk_\${MOLTBOOK_SECRET} — ünïcödé ✓ 日本`);
    else out.push(`  function handler${i}(req, res) { return res.json({ ok: ${i % 2 === 0}, n: ${i} }); }`);
  }
  return out.join("\n") + "\n";
}
