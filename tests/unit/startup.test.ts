import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

describe("start-up in production", () => {
  it("stops with a clear message when AUTH_SECRET is missing", () => {
    const result = spawnSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/prepare-db.ts"], {
      env: { PATH: process.env.PATH, NODE_ENV: "production", PGLITE_DIR: "/nonexistent/never-opened" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("AUTH_SECRET is not set");
  });

  it("refuses to start with the end-to-end switch HEARTH_E2E set", () => {
    const result = spawnSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/prepare-db.ts"], {
      env: { PATH: process.env.PATH, NODE_ENV: "production", HEARTH_E2E: "1", AUTH_SECRET: "x".repeat(40), PGLITE_DIR: "/nonexistent/never-opened" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("HEARTH_E2E: must not be set in production");
  });

  it("refuses JOB_RUNNER=worker on the embedded database, where no worker could open it beside the app", () => {
    const result = spawnSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/prepare-db.ts"], {
      env: { PATH: process.env.PATH, NODE_ENV: "production", JOB_RUNNER: "worker", AUTH_SECRET: "x".repeat(40), PGLITE_DIR: "/nonexistent/never-opened" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('JOB_RUNNER: can be "worker" only with a Postgres server');
  });

  it("refuses the test clock on anything but a local test server", () => {
    for (const extra of [{ APP_URL: "https://hearth.example.com" }, { APP_URL: "http://localhost:3000", SMTP_URL: "smtp://mail.example.com" }]) {
      const result = spawnSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/prepare-db.ts"], {
        env: { PATH: process.env.PATH, NODE_ENV: "production", HEARTH_TEST_CLOCK: "on", AUTH_SECRET: "x".repeat(40), PGLITE_DIR: "/nonexistent/never-opened", ...extra },
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('HEARTH_TEST_CLOCK: can be "on" only on a local test server');
    }
  });
});
