import { KEY_BYTE } from "./key-shape.js";

/*
 * Every rule below must almost never fire on a truly random body (32 characters drawn uniformly
 * from the 64-character alphabet), or we would ignore real leaks. Chances for one random body:
 *   one character 7+ times in a row           ~ 26 * 64^-6            ~ 4e-10
 *   an ascending/descending run of 7+         ~ 2 * 26 * 0.69 * 64^-6 ~ 5e-10
 *   a period of 2..8 kept for 12 characters   ~ 7 * 20 * 64^-12       ~ 0
 *   one of the words below (7+ characters, four fixed spellings each, case-sensitive)
 *                                             < 50 * 4 * 26 * 64^-7   ~ 1e-9
 *   a one-case identifier (no `-`, 3+ `_`)    ~ 2 * (37/64)^32 * 0.06 ~ 3e-9
 *   fewer than n/3 distinct characters (low entropy, e.g. `aaaabbbbcccc…`)
 *                                             ~ C(64,10) * (10/64)^32 ~ 2e-15 (n = 32; 5e-15 at n = 24)
 * so together well under 1e-8. Shorter words ("your", "xxxx", "test") would fire by chance about
 * once in a million random keys, so they are deliberately not rules.
 */
const WORDS = `
  your_key your-key yourkey your_api your-api yourapi your_token your-token yourtoken your_secret
  your-secret your_moltbook your-moltbook key_here key-here keyhere goes_here goes-here token_here
  secret_here placeholder example replace_me replace-me replaceme replace_with redacted changeme
  change_me change-me insert_your insert-your dummy_key dummykey fake_key fakekey not_a_real
  not-a-real notareal sample_key test_key_ api_key_ moltbook
`
  .trim()
  .split(/\s+/);

function spellings(word: string): string[] {
  const title = word.replace(/(^|[_-])([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase());
  return [word, word.toUpperCase(), word[0].toUpperCase() + word.slice(1), title];
}

/** Words by their first two letters in lower case, so most positions cost one table lookup. */
const BY_START = new Map<number, { word: string; forms: Set<string> }[]>();
const STARTS = new Uint8Array(1 << 16);
for (const word of WORDS) {
  const start = (word.charCodeAt(0) << 8) | word.charCodeAt(1);
  STARTS[start] = 1;
  BY_START.set(start, [...(BY_START.get(start) ?? []), { word, forms: new Set(spellings(word)) }]);
}

/** 1 digits, 2 upper case, 3 lower case, 0 other: a sequence stays within one class. */
const CLASS = new Uint8Array(256);
for (let c = 48; c <= 57; c++) CLASS[c] = 1;
for (let c = 65; c <= 90; c++) CLASS[c] = 2;
for (let c = 97; c <= 122; c++) CLASS[c] = 3;
const LOWER = new Uint8Array(256).map((_, c) => (CLASS[c] === 2 ? c | 0x20 : c));

/** One of the words, in one of its four spellings. */
function hasWord(body: string, b: Uint8Array, n: number): boolean {
  for (let i = 0; i + 1 < n; i++) {
    const start = (LOWER[b[i]] << 8) | LOWER[b[i + 1]];
    if (STARTS[start] === 0) continue;
    for (const { word, forms } of BY_START.get(start) ?? []) {
      if (forms.has(body.slice(i, i + word.length))) return true;
    }
  }
  return false;
}

/** `abab…`, `deadbeefdeadbeef…`: a pattern of 2–8 characters repeated over 12 more characters. */
function hasShortPeriod(b: Uint8Array, n: number): boolean {
  for (let p = 2; p <= 8; p++) {
    let same = 0;
    for (let i = 0; i + p < n; i++) {
      same = b[i] === b[i + p] ? same + 1 : 0;
      if (same >= 12) return true;
    }
  }
  return false;
}

let scratch = new Uint8Array(128);
/** Where each byte was last seen in this call (stamped with the call number: cleared only when it wraps). */
const seenAt = new Int32Array(256);
const seenIn = new Int32Array(256);
let call = 0;

/**
 * True when a candidate key body (what follows `moltbook_sk_` or `moltdev_`) is a placeholder,
 * a mask or an example rather than a real key: `xxxx…`, `...`, `YOUR_KEY_HERE`, `<your-key>`,
 * `****`, `${MOLTBOOK_KEY}`, `0123456789abcdef…`, one character repeated, and so on. Anything
 * holding a character outside the key alphabet is not a key at all, so it counts as a placeholder.
 */
export function isPlaceholder(candidateBody: string): boolean {
  const n = candidateBody.length;
  if (n === 0) return true;
  if (n > scratch.length) scratch = new Uint8Array(n);
  const b = scratch;
  if (call === 0x7fffffff) {
    seenIn.fill(0); // so that a stamp from 2^31 calls ago cannot pass for this call's
    call = 0;
  }
  call++;
  // A short body made only of one repeated character or one sequence (`xxxx`, `abcd`) is a mask.
  const min = Math.min(7, Math.max(3, n));
  let run = 1;
  let up = 1;
  let down = 1;
  let distinct = 0;
  let near = 0; // characters in a row that each repeat one seen at most 8 before: needed for a period
  let periodic = false;
  let wordStart = false;
  let underscores = 0;
  let dashes = 0;
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < n; i++) {
    const c = candidateBody.charCodeAt(i);
    if (c > 255 || KEY_BYTE[c] === 0) return true;
    b[i] = c;
    const k = CLASS[c];
    if (c === 95) underscores++;
    else if (c === 45) dashes++;
    else if (k === 2) upper++;
    else if (k === 3) lower++;
    if (seenIn[c] !== call) distinct++;
    near = seenIn[c] === call && i - seenAt[c] <= 8 ? near + 1 : 0;
    if (near >= 12) periodic = true;
    seenIn[c] = call;
    seenAt[c] = i;
    if (i === 0) continue;
    const a = b[i - 1];
    if (STARTS[(LOWER[a] << 8) | LOWER[c]] === 1) wordStart = true;
    const sameClass = k !== 0 && CLASS[a] === k;
    run = c === a ? run + 1 : 1;
    up = sameClass && c === a + 1 ? up + 1 : 1;
    down = sameClass && c === a - 1 ? down + 1 : 1;
    if (run >= min || up >= min || down >= min) return true;
  }
  if (n >= 12 && distinct < n / 3) return true;
  // `MOLTBOOK_SECRET_KEY_PRODUCTION_1`, `my_moltbook_api_key_for_staging`: a name, not a key.
  // Each comparison is made on every call, so V8 has seen them all when it optimizes this function:
  // behind `underscores >= 3`, `dashes === 0` went unseen until the first such name, where V8 threw
  // the optimized code away and compiled it again.
  const noDashes = dashes === 0;
  const oneCase = Math.min(upper, lower) === 0;
  if (underscores >= 3 && noDashes && oneCase) return true;
  return (wordStart && hasWord(candidateBody, b, n)) || (periodic && hasShortPeriod(b, n));
}
