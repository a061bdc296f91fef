import type { Language } from "./detect-language.js";
import { lexLine, SYNTAX } from "./lex-line.js";
import type { KeySpan } from "./locate-key.js";

export type CodeLanguage = "javascript" | "python" | "go" | "ruby" | "java" | "kotlin";

const LOOKUP: Record<CodeLanguage, (name: string) => string> = {
  javascript: (n) => `process.env.${n}`,
  python: (n) => `os.environ["${n}"]`,
  go: (n) => `os.Getenv("${n}")`,
  ruby: (n) => `ENV.fetch("${n}")`,
  java: (n) => `System.getenv("${n}")`,
  kotlin: (n) => `System.getenv("${n}")`,
};

// Which quotes make a plain string literal the key can be the whole of.
const STRING_QUOTES: Record<CodeLanguage, string> = {
  javascript: "'\"`",
  python: "'\"",
  go: '"`',
  ruby: "'\"",
  java: '"',
  kotlin: '"',
};

export function isCodeLanguage(language: Language): language is CodeLanguage {
  return language in LOOKUP;
}

/**
 * Swaps a string literal that is exactly the key, quotes included, for an environment lookup.
 * Anything less certain is no rewrite: a key inside a longer string, a prefixed or triple-quoted
 * literal, a literal used as a map key or `case` label, or a constant that must stay constant.
 */
export function rewriteCodeLiteral(
  line: string,
  key: KeySpan,
  language: CodeLanguage,
  varName: string,
  options: { jsx?: boolean } = {},
): string | null {
  const open = key.start - 1;
  const close = key.end;
  const quote = line[open];
  if (open < 0 || !STRING_QUOTES[language].includes(quote) || line[close] !== quote) return null;
  // `"""key"""`, `\"key\"` (a string inside a string), b"…"/r"…"/f"…", tagged templates.
  const before = line[open - 1] ?? "";
  if (before === quote || line[close + 1] === quote || /[\\\w$]/.test(before)) return null;
  if (lexLine(line, open, SYNTAX[language]!).in !== "code") return null;

  let prefix = line.slice(0, open);
  const suffix = line.slice(close + 1);
  // A map key or object property name cannot be an expression; nor can a `case` label.
  if (/^\s*:(?!:)/.test(suffix) || /\bcase\s*$/.test(prefix) || /^\s*@/.test(prefix)) return null;
  if (language === "go") {
    // A Go const must be a constant: `const` becomes `var`. A bare `Name = "…"` may sit in a
    // `const (…)` block this line cannot see, so it gets no rewrite.
    if (/^\s*const\s/.test(prefix)) prefix = prefix.replace(/^(\s*)const(\s)/, "$1var$2");
    else if (/^\s*[A-Za-z_]\w*(\s+[\w.[\]*]+)?\s*=\s*$/.test(prefix)) return null;
  }
  if (language === "kotlin") prefix = prefix.replace(/\bconst\s+val\b/, "val");
  const lookup = LOOKUP[language](varName);
  // A JSX attribute takes an expression only in braces: `<Client token={process.env.KEY} />`.
  if (options.jsx && quote !== "`" && /<[A-Za-z][\w.:-]*\s[^<>]*\b[\w-]+=$/.test(prefix)) {
    return `${prefix}{${lookup}}${suffix}`;
  }
  return `${prefix}${lookup}${suffix}`;
}
