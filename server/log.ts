import "server-only";
import crypto from "node:crypto";

/**
 * The one way the app writes to its logs: one JSON line per event, with allow-listed fields only.
 * A log line never carries what a person typed, a query's SQL or parameters, a token, a hash or an
 * error's message (a database error's message quotes the values it refused). Fields outside this
 * list are dropped, and a string field that doesn't look like an id or a code is replaced.
 */
export type LogFields = {
  /** Quoted to support: also sent to the person who saw the error. */
  errorId?: string;
  /** The tRPC procedure, or the place outside tRPC where it happened. */
  path?: string;
  /** tRPC or auth error code. */
  code?: string;
  actorId?: string;
  /** The error's class, never its message. */
  errorName?: string;
  /** Postgres SQLSTATE (23505 …), and the constraint and table it names. */
  sqlState?: string;
  constraint?: string;
  table?: string;
  /** A system error code (ECONNREFUSED …). */
  systemCode?: string;
  emailId?: string;
  attempts?: number;
  outcome?: string;
  transport?: string;
};

export type LogLevel = "error" | "warn" | "info";

const FIELDS: readonly (keyof LogFields)[] = [
  "errorId",
  "path",
  "code",
  "actorId",
  "errorName",
  "sqlState",
  "constraint",
  "table",
  "systemCode",
  "emailId",
  "attempts",
  "outcome",
  "transport",
];

/** Ids, codes, paths and names: no spaces, quotes, @ or $, so no sentence, email address or hash fits. */
const SAFE_TEXT = /^[A-Za-z0-9_.:/-]{1,120}$/;
const SAFE_EVENT = /^[a-z0-9_.]{1,80}$/;

function safeValue(value: unknown): string | number | boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "boolean") return value;
  if (typeof value === "string") return SAFE_TEXT.test(value) ? value : "[withheld]";
  return "[withheld]";
}

/** The JSON line for an event; exported for tests. */
export function logLine(level: LogLevel, event: string, fields: LogFields = {}): string {
  const line: Record<string, unknown> = {
    time: new Date().toISOString(),
    level,
    event: SAFE_EVENT.test(event) ? event : "[withheld]",
  };
  for (const key of FIELDS) {
    const value = safeValue(fields[key]);
    if (value !== undefined) line[key] = value;
  }
  return JSON.stringify(line);
}

function write(level: LogLevel, event: string, fields?: LogFields): void {
  const line = logLine(level, event, fields);
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.info(line);
}

export const log = {
  error: (event: string, fields?: LogFields) => write("error", event, fields),
  warn: (event: string, fields?: LogFields) => write("warn", event, fields),
  info: (event: string, fields?: LogFields) => write("info", event, fields),
};

/** A short random id a person can read out to support; the same id is in the log line. */
export function newErrorId(): string {
  return crypto.randomBytes(6).toString("hex");
}

type ErrorLike = {
  code?: unknown;
  constraint?: unknown;
  constraint_name?: unknown;
  table?: unknown;
  table_name?: unknown;
  cause?: unknown;
};

const text = (value: unknown) => (typeof value === "string" && value ? value : undefined);

/**
 * What may be logged about an error: its class, and from the database error anywhere in its cause
 * chain the SQLSTATE and the constraint and table names (postgres.js and PGlite name them
 * differently). Never its message, query, parameters, detail or cause text.
 */
export function errorFields(error: unknown): Pick<LogFields, "errorName" | "sqlState" | "constraint" | "table" | "systemCode"> {
  const fields: ReturnType<typeof errorFields> = {};
  if (error instanceof Error) fields.errorName = error.constructor.name || error.name;
  let current: unknown = error;
  for (let depth = 0; current && typeof current === "object" && depth < 6; depth += 1) {
    const e = current as ErrorLike;
    const code = text(e.code);
    if (code && /^[0-9A-Z]{5}$/.test(code)) {
      fields.sqlState ??= code;
      fields.constraint ??= text(e.constraint_name) ?? text(e.constraint);
      fields.table ??= text(e.table_name) ?? text(e.table);
    } else if (code && /^E[A-Z_]+$/.test(code)) {
      fields.systemCode ??= code;
    }
    current = e.cause;
  }
  return fields;
}
