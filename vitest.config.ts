import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores here and in CI: integration suites start servers and child processes.
    maxWorkers: 2,
  },
});
