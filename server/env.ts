import { z } from "zod";

/** The one place that reads process.env. Everything else imports `env`. */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgres:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional().or(z.literal("").transform(() => undefined)),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  APP_URL: z.string().url().default("http://localhost:3000"),
  SMTP_URL: z.string().optional().or(z.literal("").transform(() => undefined)),
  MAIL_FROM: z.string().default("Hearth <no-reply@hearth.local>"),
  DEV_MAILBOX_DIR: z.string().default(".data/mailbox"),
  CHROMIUM_PATH: z.string().optional(),
  /** Port for the end-to-end suite's server; change it to run two suites side by side. */
  E2E_PORT: z.coerce.number().int().min(1024).max(65535).default(3210),
  /** Set by the e2e runner so the test-only helpers are allowed; never set in production. */
  HEARTH_E2E: z.enum(["0", "1"]).default("0"),
});

export type Env = z.infer<typeof envSchema>;

function parseEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Hearth's configuration has problems:\n${problems}`);
  }
  return parsed.data;
}

export const env = parseEnv();
export const isProduction = env.NODE_ENV === "production";
