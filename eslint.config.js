import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "data/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "error",
    },
  },
  {
    // The CLI, benchmarks, demo and test helpers talk to a terminal on purpose.
    files: ["src/cli.ts", "src/cli/**", "bench/**", "test/**", "scripts/**"],
    rules: { "no-console": "off" },
  },
  {
    // CommonJS on purpose (bench/read-floor.cjs times what bare Node costs, without the ES module loader).
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
