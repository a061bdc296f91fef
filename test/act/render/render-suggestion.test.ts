import { describe, expect, it } from "vitest";
import { planSuggestion, renderReviewComment, suggestReplacement } from "../../../src/act/render/index.js";
import { redact } from "../../../src/detect/index.js";
import { fixedDevKey, fixedKey, KEY_SHAPED, randomKey } from "./fixtures.js";

// `%K%` in a line stands for a key built at run time; the column is wherever it lands.
function input(path: string, template: string, key = randomKey()) {
  const lineText = template.replace("%K%", key);
  return { path, lineText, column: template.indexOf("%K%") + 1, key };
}

const safe: [path: string, line: string, expected: string][] = [
  // JavaScript and TypeScript, every extension
  ["src/client.ts", 'const apiKey = "%K%";', "const apiKey = process.env.MOLTBOOK_API_KEY;"],
  ["src/client.js", "const MOLTBOOK_KEY = '%K%';", "const MOLTBOOK_KEY = process.env.MOLTBOOK_KEY;"],
  [
    "src/client.mjs",
    "export const moltbookToken = `%K%`;",
    "export const moltbookToken = process.env.MOLTBOOK_TOKEN;",
  ],
  [
    "src/client.cjs",
    "module.exports = { apiKey: '%K%' };",
    "module.exports = { apiKey: process.env.MOLTBOOK_API_KEY };",
  ],
  ["src/App.jsx", '  <Moltbook token="%K%" />', "  <Moltbook token={process.env.MOLTBOOK_API_KEY} />"],
  [
    "src/App.tsx",
    'const client = new Moltbook({ moltbookApiKey: "%K%" });',
    "const client = new Moltbook({ moltbookApiKey: process.env.MOLTBOOK_API_KEY });",
  ],
  // Python
  ["bot/main.py", 'MOLTBOOK_API_KEY = "%K%"', 'MOLTBOOK_API_KEY = os.environ["MOLTBOOK_API_KEY"]'],
  [
    "bot/main.py",
    "client = Moltbook(api_key='%K%')",
    'client = Moltbook(api_key=os.environ["MOLTBOOK_API_KEY"])',
  ],
  ["bot/main.py", '    "moltbook_key": "%K%",', '    "moltbook_key": os.environ["MOLTBOOK_KEY"],'],
  // Go
  ["cmd/bot/main.go", '\tapiKey := "%K%"', '\tapiKey := os.Getenv("MOLTBOOK_API_KEY")'],
  ["cmd/bot/main.go", 'const moltbookKey = "%K%"', 'var moltbookKey = os.Getenv("MOLTBOOK_KEY")'],
  [
    "cmd/bot/main.go",
    "\tclient := moltbook.New(`%K%`)",
    '\tclient := moltbook.New(os.Getenv("MOLTBOOK_API_KEY"))',
  ],
  // Ruby
  ["lib/bot.rb", 'MOLTBOOK_KEY = "%K%".freeze', 'MOLTBOOK_KEY = ENV.fetch("MOLTBOOK_KEY").freeze'],
  ["Rakefile", "  token = '%K%'", '  token = ENV.fetch("MOLTBOOK_API_KEY")'],
  // Java and Kotlin
  [
    "src/main/java/Bot.java",
    '    private static final String MOLTBOOK_KEY = "%K%";',
    '    private static final String MOLTBOOK_KEY = System.getenv("MOLTBOOK_KEY");',
  ],
  [
    "src/main/kotlin/Bot.kt",
    'const val moltbookApiKey = "%K%"',
    'val moltbookApiKey = System.getenv("MOLTBOOK_API_KEY")',
  ],
  // Shell
  [
    "scripts/deploy.sh",
    'curl -H "Authorization: Bearer %K%" https://www.moltbook.com/api/v1/agents/me',
    'curl -H "Authorization: Bearer ${MOLTBOOK_API_KEY}" https://www.moltbook.com/api/v1/agents/me',
  ],
  ["scripts/deploy.bash", "TOKEN='%K%'", 'TOKEN="$MOLTBOOK_API_KEY"'],
  [
    "scripts/deploy.zsh",
    "moltbook-cli --key=%K% --verbose",
    'moltbook-cli --key="$MOLTBOOK_API_KEY" --verbose',
  ],
  [
    "scripts/env.sh",
    'export MOLTBOOK_API_KEY="%K%"',
    'export MOLTBOOK_API_KEY="${MOLTBOOK_API_KEY:?MOLTBOOK_API_KEY must be set in the environment}"',
  ],
  [
    ".envrc",
    "export MOLTBOOK_KEY=%K%",
    'export MOLTBOOK_KEY="${MOLTBOOK_KEY:?MOLTBOOK_KEY must be set in the environment}"',
  ],
  // .env files
  [
    ".env",
    "MOLTBOOK_API_KEY=%K%",
    "# MOLTBOOK_API_KEY is set outside git (your shell, CI secrets or a secrets manager); never commit its value.\nMOLTBOOK_API_KEY=",
  ],
  [
    "config/.env.production",
    'export BOT_KEY="%K%"  # prod',
    "# BOT_KEY is set outside git (your shell, CI secrets or a secrets manager); never commit its value.\nexport BOT_KEY=",
  ],
  // GitHub Actions
  [
    ".github/workflows/ci.yml",
    "      MOLTBOOK_API_KEY: %K%",
    "      MOLTBOOK_API_KEY: ${{ secrets.MOLTBOOK_API_KEY }}",
  ],
  [
    ".github/workflows/ci.yaml",
    '          api-key: "%K%" # temporary',
    "          api-key: ${{ secrets.MOLTBOOK_API_KEY }} # temporary",
  ],
  [
    ".github/workflows/ci.yml",
    '        run: curl -H "Authorization: Bearer %K%" $URL',
    '        run: curl -H "Authorization: Bearer ${{ secrets.MOLTBOOK_API_KEY }}" $URL',
  ],
];

const unsafe: [why: string, path: string, line: string][] = [
  ["a key inside a URL", "src/client.ts", 'fetch("https://www.moltbook.com/api/v1/agents/me?key=%K%")'],
  ["a key inside a longer string", "bot/main.py", 'headers = {"Authorization": "Bearer %K%"}'],
  ["a Python bytes literal", "bot/main.py", 'KEY = b"%K%"'],
  ["a Python f-string", "bot/main.py", 'KEY = f"%K%"'],
  ["a triple-quoted string", "bot/main.py", 'KEY = """%K%"""'],
  ["a string inside a string", "src/a.js", 'const body = \'{"key":"%K%"}\';'],
  ["a quoted key nested in another string", "src/a.js", "const s = 'say \"%K%\" twice';"],
  ["a comment", "src/a.ts", '// old key: "%K%"'],
  ["a block comment", "src/a.ts", '/* "%K%" */ const x = 1;'],
  ["an object property name", "src/a.js", 'const owners = { "%K%": "alice" };'],
  ["a case label", "src/a.js", '  case "%K%":'],
  ["a Java annotation", "src/main/java/Bot.java", '@Header("%K%")'],
  ["a Go name that may sit in a const block", "cmd/main.go", '\tMoltbookKey = "%K%"'],
  ["a shell single-quoted longer string", "run.sh", "curl -H 'Authorization: Bearer %K%'"],
  ["a shell word glued to text", "run.sh", "curl https://x.test/k/%K%/me"],
  ["a key inside a template literal", "src/a.ts", "const h = { Authorization: `Bearer %K%` };"],
  ["shell command substitution", "run.sh", 'echo "$(printf "%K%")"'],
  ["a .env value that is not just the key", ".env", "MOLTBOOK_URL=https://x.test/?key=%K%"],
  ["a workflow comment", ".github/workflows/ci.yml", "      # %K%"],
  ["a workflow flow mapping", ".github/workflows/ci.yml", "      with: { api-key: %K% }"],
  ["a Dockerfile", "Dockerfile", "ENV MOLTBOOK_API_KEY=%K%"],
  ["generic YAML", "config/app.yml", "moltbook_key: %K%"],
  ["JSON", "config/app.json", '  "moltbookKey": "%K%",'],
  ["an unknown file type", "notes.txt", "key: %K%"],
  ["a base64-encoded key (not on the line as written)", "src/a.ts", 'const k = atob("bW9sdGJvb2s=");'],
];

describe("suggestReplacement: a safe rewrite per language", () => {
  it.each(safe)("%s: %s", (path, line, expected) => {
    const { key, ...rest } = input(path, line);
    const suggestion = suggestReplacement(rest);
    expect(suggestion).toBe(expected);
    expect(suggestion).not.toContain(key);
    expect(suggestion).not.toMatch(KEY_SHAPED);
  });
});

describe("suggestReplacement: no safe rewrite", () => {
  it.each(unsafe)("%s", (_why, path, line) => {
    const { key: _key, ...rest } = input(path, line);
    expect(suggestReplacement(rest)).toBeNull();
  });

  it("gives up when another key shares the line", () => {
    const other = randomKey();
    const { key, ...rest } = input("src/a.ts", `const keys = ["%K%", "${other}"];`);
    const suggestion = suggestReplacement(rest);
    expect(suggestion).toBeNull();
    void key;
  });

  it("gives up when the path itself holds a key", () => {
    const { key: _key, ...rest } = input(`src/${randomKey()}.ts`, 'const apiKey = "%K%";');
    expect(suggestReplacement(rest)).toBeNull();
  });
});

describe("suggestReplacement: finding the key", () => {
  it("reads the column in characters when the line holds astral characters", () => {
    const key = randomKey();
    const lineText = `const greeting = "🦞"; const apiKey = "${key}";`;
    const charColumn = [...lineText.slice(0, lineText.indexOf(key))].length + 1;
    const other = randomKey();
    // Two keys on the line, so the column alone must pick the right one... and then refuse (the other stays).
    expect(
      suggestReplacement({ path: "a.ts", lineText: `${lineText} // ${other}`, column: charColumn }),
    ).toBeNull();
    expect(suggestReplacement({ path: "a.ts", lineText, column: charColumn })).toBe(
      'const greeting = "🦞"; const apiKey = process.env.MOLTBOOK_API_KEY;',
    );
  });

  it("strips a CRLF line ending", () => {
    const { key: _key, ...rest } = input("src/a.ts", 'const apiKey = "%K%";\r');
    expect(suggestReplacement(rest)).toBe("const apiKey = process.env.MOLTBOOK_API_KEY;");
  });

  it("rewrites developer keys too, under their own default name", () => {
    const dev = fixedDevKey(7);
    const lineText = `const appKey = "${dev}";`;
    const plan = planSuggestion({ path: "a.ts", lineText, column: 17, kind: "moltbook_dev_key" });
    expect(plan?.text).toBe("const appKey = process.env.MOLTBOOK_DEV_KEY;");
  });

  it("takes an explicit variable name", () => {
    const { key: _key, ...rest } = input("a.py", 'KEY = "%K%"');
    expect(suggestReplacement({ ...rest, envVarName: "BOT_MOLTBOOK_KEY" })).toBe(
      'KEY = os.environ["BOT_MOLTBOOK_KEY"]',
    );
  });
});

describe("renderReviewComment", () => {
  const key = fixedKey(1);
  const base = { path: "bot/main.py", line: 3, lineText: `MOLTBOOK_API_KEY = "${key}"`, column: 21 };

  it("carries the suggestion and a one-line why", async () => {
    const comment = renderReviewComment({ ...base, redacted: redact(key), status: "revoked" });
    expect(comment).not.toBeNull();
    expect(comment!.path).toBe("bot/main.py");
    expect(comment!.line).toBe(3);
    expect(comment!.side).toBe("RIGHT");
    expect(comment!.body).not.toContain(key);
    expect(comment!.body).not.toMatch(KEY_SHAPED);
    await expect(comment!.body).toMatchFileSnapshot("__golden__/review-comment.python.revoked.txt");
  });

  it("says when the key still works", async () => {
    const comment = renderReviewComment({
      path: ".github/workflows/ci.yml",
      line: 20,
      lineText: `      MOLTBOOK_API_KEY: ${key}`,
      column: 25,
      redacted: redact(key),
      status: "report_only",
    });
    expect(comment!.body).toContain("still works");
    await expect(comment!.body).toMatchFileSnapshot("__golden__/review-comment.workflow.report-only.txt");
  });

  it("is null when there is nothing safe to suggest", () => {
    expect(renderReviewComment({ ...base, path: "Dockerfile", redacted: "x" })).toBeNull();
  });

  it("uses a longer fence when the line holds backticks", () => {
    const lineText = "const apiKey = `" + key + "`; // see ```docs```";
    const comment = renderReviewComment({ path: "a.js", line: 1, lineText, column: 17, redacted: "x" });
    expect(comment!.body).toContain("````suggestion\n");
  });
});
