import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${path.resolve(import.meta.dirname)}/` },
      // The marker package throws outside React Server Components; tests run server code directly.
      { find: /^server-only$/, replacement: path.resolve(import.meta.dirname, "tests/setup/empty-module.ts") },
    ],
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    globalSetup: ["tests/setup/global-setup.ts"],
    environment: "node",
    // A fixed key for the suite, so no test writes one into .data/.
    env: { TOTP_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64") },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // One worker per core. Vitest's default leaves one core to its main process, which mostly waits here: on two
    // cores that ran the files one at a time (each has a database of its own, so files don't share state).
    maxWorkers: os.availableParallelism(),
  },
});
