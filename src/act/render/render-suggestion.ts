import { containsKeyShaped, redactKeys, type FindingKind } from "../../detect/index.js";
import { codeBlock, inlineCode } from "../../report/markdown.js";
import { detectLanguage, type Language } from "./detect-language.js";
import { envVarName } from "./env-var-name.js";
import { isKeyNeutralised } from "./lifecycle-stage.js";
import { locateKey } from "./locate-key.js";
import type { IncidentStatus } from "./model.js";
import { isCodeLanguage, rewriteCodeLiteral } from "./rewrite-code-literal.js";
import { rewriteDotenvLine } from "./rewrite-dotenv-line.js";
import { rewriteShellWord } from "./rewrite-shell-word.js";
import { rewriteWorkflowValue } from "./rewrite-workflow-value.js";

export interface SuggestionInput {
  path: string;
  /** The line as it is in the head. It holds the raw key; the output never does. */
  lineText: string;
  /** 1-based column of the key on that line, from the Finding. */
  column: number;
  kind?: FindingKind;
  /** Overrides the variable name derived from the code. */
  envVarName?: string;
}

export interface Suggestion {
  /** The replacement: one line, or two for `.env` (a comment and the emptied variable). */
  text: string;
  varName: string;
  language: Language;
}

/** The replacement and what it reads, or null when there is no safe one-line rewrite. */
export function planSuggestion(input: SuggestionInput): Suggestion | null {
  // The path goes back to GitHub verbatim, so one holding anything key-shaped gets no comment at all.
  if (containsKeyShaped(input.path)) return null;
  const line = input.lineText.replace(/\r?\n$/, "").replace(/\r$/, "");
  if (line.includes("\n")) return null;
  const kind = input.kind ?? "moltbook_api_key";
  const key = locateKey(line, input.column, kind);
  if (!key) return null;
  const language = detectLanguage(input.path);
  const varName = input.envVarName ?? envVarName(line.slice(0, key.start), kind);
  let text: string | null = null;
  if (isCodeLanguage(language)) {
    text = rewriteCodeLiteral(line, key, language, varName, { jsx: /\.[jt]sx$/i.test(input.path) });
  } else if (language === "shell") text = rewriteShellWord(line, key, varName);
  else if (language === "dotenv") text = rewriteDotenvLine(line, key);
  else if (language === "github-actions") text = rewriteWorkflowValue(line, key, varName);
  // Dockerfile, YAML, JSON and the rest: no rewrite is safe without knowing how they are read.
  // Any other key on the line (or anything key-shaped) would survive the rewrite: no suggestion then.
  if (text === null || containsKeyShaped(text)) return null;
  return { text, varName, language };
}

/**
 * The replacement line (the body of a ```suggestion block) that reads the key from the
 * environment instead of the literal, or null when no safe rewrite exists (the key inside a URL
 * or a longer string, an unknown file type, a line this one-line view cannot be sure of).
 */
export function suggestReplacement(input: SuggestionInput): string | null {
  return planSuggestion(input)?.text ?? null;
}

export interface ReviewCommentInput extends SuggestionInput {
  /** The line number in the head, for the review comment's position. */
  line: number;
  /** The key's redacted form, to name it. */
  redacted: string;
  status?: IncidentStatus;
}

export interface RenderedReviewComment {
  path: string;
  line: number;
  side: "RIGHT";
  body: string;
}

const NEEDS: Partial<Record<Language, string>> = {
  python: " (needs `import os`)",
  go: ' (needs `import "os"`)',
};

/** A review comment carrying the suggestion and a one-line why, or null when there is nothing safe to suggest. */
export function renderReviewComment(input: ReviewCommentInput): RenderedReviewComment | null {
  const plan = planSuggestion(input);
  if (!plan) return null;
  const source =
    plan.language === "github-actions"
      ? `the ${inlineCode(plan.varName)} repository secret`
      : plan.language === "dotenv"
        ? "the environment"
        : inlineCode(plan.varName);
  const alive = input.status === undefined || !isKeyNeutralised(input.status);
  const consequence = alive
    ? `${inlineCode(input.redacted)} still works, so revoke it as well (see the Moltbook Guard comment).`
    : `${inlineCode(input.redacted)} is revoked, so this line only works again once ${source} holds a new key.`;
  const why = `**Moltbook Guard:** read the key from ${source}${NEEDS[plan.language] ?? ""} instead of committing it. ${consequence}`;
  const body = `${why}\n\n${codeBlock(plan.text, "suggestion")}`;
  return { path: input.path, line: input.line, side: "RIGHT", body: redactKeys(body) };
}
