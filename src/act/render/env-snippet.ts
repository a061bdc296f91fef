import type { Language } from "./detect-language.js";

export interface EnvSnippet {
  /** Heading for the snippet, e.g. "JavaScript / TypeScript". */
  label: string;
  /** Fence info string for syntax highlighting. */
  info: string;
  code: string;
}

/**
 * How to read the key from the environment in the leaking file's language, for step (a) of the
 * remediation checklist. The variable is named, never filled in.
 */
export function envSnippet(language: Language, varName = "MOLTBOOK_API_KEY"): EnvSnippet {
  const v = varName;
  switch (language) {
    case "javascript":
      return {
        label: "JavaScript / TypeScript",
        info: "ts",
        code: [
          `const apiKey = process.env.${v};`,
          `if (!apiKey) throw new Error("${v} is not set. To resolve, set it in the environment.");`,
        ].join("\n"),
      };
    case "python":
      return { label: "Python", info: "python", code: `import os\n\napi_key = os.environ["${v}"]` };
    case "go":
      return {
        label: "Go",
        info: "go",
        code: [
          `apiKey := os.Getenv("${v}")`,
          `if apiKey == "" {`,
          `\tlog.Fatal("${v} is not set. To resolve, set it in the environment.")`,
          `}`,
        ].join("\n"),
      };
    case "ruby":
      return { label: "Ruby", info: "ruby", code: `api_key = ENV.fetch("${v}")` };
    case "java":
      return { label: "Java", info: "java", code: `String apiKey = System.getenv("${v}");` };
    case "kotlin":
      return {
        label: "Kotlin",
        info: "kotlin",
        code: `val apiKey = System.getenv("${v}") ?: error("${v} is not set")`,
      };
    case "shell":
      return {
        label: "Shell",
        info: "sh",
        code: `: "\${${v}:?${v} is not set}"\ncurl -H "Authorization: Bearer $${v}" https://www.moltbook.com/api/v1/agents/me`,
      };
    case "dockerfile":
      return {
        label: "Dockerfile (a build secret, never ENV or ARG, which stay in the image)",
        info: "dockerfile",
        code: [
          `RUN --mount=type=secret,id=moltbook_api_key \\`,
          `    ${v}="$(cat /run/secrets/moltbook_api_key)" ./your-build-step`,
          `# docker build --secret id=moltbook_api_key,env=${v} .`,
        ].join("\n"),
      };
    case "dotenv":
      return {
        label: ".env (keep the real file out of git; commit only an empty example)",
        info: "sh",
        code: [
          `# .env.example: committed, no value`,
          `${v}=`,
          ``,
          `# .gitignore`,
          `.env`,
          `.env.*`,
          `!.env.example`,
          ``,
          `# stop tracking the real file (it stays on your disk)`,
          `git rm --cached .env`,
        ].join("\n"),
      };
    case "github-actions":
      return {
        label: "GitHub Actions (store the key as a repository or organisation secret)",
        info: "yaml",
        code: `env:\n  ${v}: \${{ secrets.${v} }}`,
      };
    case "yaml":
    case "json":
    case "generic":
      return {
        label: "Any language: read it from the environment or your secrets manager",
        info: "sh",
        code: `# at deploy time, from your secrets manager or CI secret store\nexport ${v}="<the new key>"`,
      };
  }
}
