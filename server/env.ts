import { z } from "zod";

/** The one place that reads process.env. Everything else imports `env`. */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /**
   * "transaction" when DATABASE_URL goes through a pooler in transaction mode (PgBouncer): postgres.js then prepares
   * no named statements, which the next transaction could find missing on another server connection. Migrations
   * still need a direct connection (decision 0030).
   */
  DATABASE_POOLER: z.enum(["none", "transaction"]).default("none"),
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional().or(z.literal("").transform(() => undefined)),
  /** 32 random bytes, base64: encrypts second-factor secrets at rest. Required in production; generated in development. */
  TOTP_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32 && /^[A-Za-z0-9+/_-]+={0,2}$/.test(v), {
      message: "TOTP_ENCRYPTION_KEY must be 32 bytes in base64 (generate one with `openssl rand -base64 32`)",
    })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  /** How long a resolved session is remembered per cookie (decision 0023); 0 looks every request up. */
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
  APP_URL: z.string().url().default("http://localhost:3000"),
  SMTP_URL: z.string().optional().or(z.literal("").transform(() => undefined)),
  MAIL_FROM: z.string().default("Hearth <no-reply@hearth.local>"),
  DEV_MAILBOX_DIR: z.string().default(".data/mailbox"),
  CHROMIUM_PATH: z.string().optional(),
  /**
   * Where background jobs (sending emails …) run. "app": each app process runs them itself (the default, and the
   * only choice on the embedded database). "worker": app processes only queue them and `npm run worker` runs them.
   */
  JOB_RUNNER: z.enum(["app", "worker"]).default("app"),
  /**
   * How many reverse proxies of your own stand in front of Hearth. 0: the client's address is the connection's
   * (as scripts/serve.mjs passes it on) and X-Forwarded-For is ignored; n: the n-th X-Forwarded-For entry from
   * the right, the one your outermost proxy saw. Sign-in limits per address depend on it.
   */
  TRUST_PROXY: z.coerce.number().int().min(0).max(5).default(0),
  /** Port for the end-to-end suite's server; change it to run two suites side by side. */
  E2E_PORT: z.coerce.number().int().min(1024).max(65535).default(3210),
  /** Where Playwright keeps traces and screenshots of failed tests; CI gives each database's run its own. */
  E2E_OUTPUT_DIR: z.string().min(1).default("test-results"),
  /**
   * "on": Playwright records a trace of every end-to-end test and keeps those of failed ones (for `npx playwright
   * show-trace`). "off" records none: CI does, since only its output is ever read, and recording costs time.
   */
  E2E_TRACE: z.enum(["on", "off"], { error: 'must be "on" or "off".' }).default("on"),
  /**
   * The old end-to-end switch. Nothing needs it any more (the e2e suite reads the development mailbox as the
   * demo admin), and a production server refuses to start with it set, so it can never open anything there.
   */
  HEARTH_E2E: z.string().optional(),
  /**
   * "off" skips the type check `next build` runs on its own. CI sets it: it type-checks the whole project
   * (`npm run typecheck`) right before building, and checking twice cost about 50 s. Anywhere else, leave it on.
   */
  BUILD_TYPECHECK: z.enum(["on", "off"], { error: 'must be "on" or "off".' }).default("on"),
  /** Where `next build` writes and `next start` reads the build; a second checkout's e2e run can use its own. */
  NEXT_DIST_DIR: z.string().min(1).default(".next"),
  /**
   * "on" lets the end-to-end suite move this server's clock forward (POST /dev/clock, ADR 0029), to see a reminder
   * arrive at the client's local hour without waiting days. Off unless set to exactly "on", and refused unless the
   * server is clearly a local test one: emails kept in the development mailbox (no SMTP_URL) and APP_URL on
   * localhost. Only scripts/e2e-server.ts sets it.
   */
  HEARTH_TEST_CLOCK: z.enum(["off", "on"], { error: 'must be "off" or "on" (only the end-to-end test server uses "on").' }).default("off"),
});

export type Env = z.infer<typeof envSchema>;

const checkedEnvSchema = envSchema.superRefine((value, ctx) => {
  if (value.NODE_ENV === "production" && value.HEARTH_E2E !== undefined && value.HEARTH_E2E !== "" && value.HEARTH_E2E !== "0") {
    ctx.addIssue({
      code: "custom",
      path: ["HEARTH_E2E"],
      message: "must not be set in production (it was a switch for end-to-end test runs). Please unset it and start again.",
    });
  }
  if (value.HEARTH_TEST_CLOCK === "on") {
    const host = URL.canParse(value.APP_URL) ? new URL(value.APP_URL).hostname : "";
    if (value.SMTP_URL || !["localhost", "127.0.0.1"].includes(host)) {
      ctx.addIssue({
        code: "custom",
        path: ["HEARTH_TEST_CLOCK"],
        message: "can be \"on\" only on a local test server (APP_URL on localhost, no SMTP_URL). It lets a test move the clock; please unset it.",
      });
    }
  }
  // With the embedded database the app is the only process that can run jobs: "worker" would leave them queued.
  if (value.JOB_RUNNER === "worker" && !value.DATABASE_URL) {
    ctx.addIssue({
      code: "custom",
      path: ["JOB_RUNNER"],
      message: 'can be "worker" only with a Postgres server (DATABASE_URL). The embedded database has one owner, the app, which runs the jobs itself.',
    });
  }
});

function parseEnv(): Env {
  const parsed = checkedEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Hearth's configuration has problems:\n${problems}`);
  }
  return parsed.data;
}

export const env = parseEnv();

/** NEXT_PUBLIC_* variables, which `next build` writes into the browser's JavaScript (none today). */
export function nextPublicVariables(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[0].startsWith("NEXT_PUBLIC_") && entry[1] !== undefined));
}
export const isProduction = env.NODE_ENV === "production";
