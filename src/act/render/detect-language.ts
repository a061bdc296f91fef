/** The languages the remediation snippets and suggestions know how to write. */
export type Language =
  | "javascript"
  | "python"
  | "go"
  | "ruby"
  | "java"
  | "kotlin"
  | "shell"
  | "dockerfile"
  | "dotenv"
  | "github-actions"
  | "yaml"
  | "json"
  | "generic";

const BY_EXTENSION: Record<string, Language> = {
  js: "javascript",
  mjs: "javascript",
  cjs: "javascript",
  jsx: "javascript",
  ts: "javascript",
  mts: "javascript",
  cts: "javascript",
  tsx: "javascript",
  py: "python",
  pyw: "python",
  go: "go",
  rb: "ruby",
  rake: "ruby",
  java: "java",
  kt: "kotlin",
  kts: "kotlin",
  sh: "shell",
  bash: "shell",
  zsh: "shell",
  ksh: "shell",
  dockerfile: "dockerfile",
  env: "dotenv",
  yml: "yaml",
  yaml: "yaml",
  json: "json",
  jsonc: "json",
};

const BY_NAME: Record<string, Language> = {
  rakefile: "ruby",
  gemfile: "ruby",
  dockerfile: "dockerfile",
  containerfile: "dockerfile",
  ".envrc": "shell",
  ".bashrc": "shell",
  ".bash_profile": "shell",
  ".zshrc": "shell",
  ".profile": "shell",
};

/** The language of a file, from its path alone (the renderers never see the file). */
export function detectLanguage(path: string): Language {
  const normalised = path.replace(/\\/g, "/");
  const name = normalised.slice(normalised.lastIndexOf("/") + 1).toLowerCase();
  if (/(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i.test(normalised)) return "github-actions";
  if (name in BY_NAME) return BY_NAME[name];
  // `.env`, `.env.local`, `.env.production`, `.env.example`; `.envrc` is shell and handled above.
  if (name === ".env" || name.startsWith(".env.")) return "dotenv";
  if (name.startsWith("dockerfile.") || name.startsWith("containerfile.")) return "dockerfile";
  const dot = name.lastIndexOf(".");
  if (dot <= 0) return "generic";
  return BY_EXTENSION[name.slice(dot + 1)] ?? "generic";
}
