import util from "node:util";
import { CallbackRouteError, CredentialsSignin } from "@auth/core/errors";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { TRPCError } from "@trpc/server";
import { eq, sql } from "drizzle-orm";
import { DrizzleQueryError } from "drizzle-orm/errors";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { outboxEmails, users } from "@/db/schema";
import { authLogger } from "@/server/auth/auth-logger";
import { getCurrentSession } from "@/server/auth/current-session";
import { forgetCachedSessions } from "@/server/services/auth/session-cache";
import { resolveSession, signInWithPassword } from "@/server/services/auth/sessions";
import { deliverDueEmails } from "@/server/services/mail/deliver";
import { enqueueJob } from "@/server/jobs/enqueue";
import { QUEUES } from "@/server/jobs/queues";
import { createContext, type Context } from "@/server/trpc/context";
import { logRequestError } from "@/server/trpc/error-log";
import { appRouter, createCaller } from "@/server/trpc/root";
import { UnexpectedError } from "@/server/unexpected";
import { runScript } from "@/scripts/open-db";
import { failingTransport, memoryTransport, runJobs, tokenFromEmail } from "../helpers/mail";
import { saveFirst, text } from "../helpers/loop";
import { useLoopWorld } from "../helpers/use-world";
import { testLimits, TEST_PASSWORD } from "../helpers/world";

// Pages resolve the session outside tRPC: next-auth's cookie and the app's database are stood in for.
const pageRequest = vi.hoisted(() => ({ db: undefined as unknown, sessionId: "" }));
vi.mock("@/server/db", () => ({ getDb: async () => pageRequest.db }));
vi.mock("@/server/auth/next-auth", () => ({ auth: async () => ({ sessionId: pageRequest.sessionId }) }));
vi.mock("@/server/auth/session-token", () => ({
  readSessionCookie: async () => (pageRequest.sessionId ? { token: pageRequest.sessionId, sessionKey: async () => ({ sessionId: pageRequest.sessionId, practiceId: null }) } : null),
}));

/**
 * Runs a whole flow with failures while capturing everything written to the console, stdout and
 * stderr, then checks that no one's words, token, password or hash reached the logs, and that
 * each failure line names its error id, path, code and actor.
 */
const { db, world, callers, exercise } = await useLoopWorld();
pageRequest.db = db;

const ANSWER = "ANSWER-MARKER-quiet-lake-5521";
const NOTE = "NOTE-MARKER-amber-hill-7313";
const COMMENT = "COMMENT-MARKER-soft-rain-9097";
const INVITEE_NAME = "Ines MARKER-Inviteename";
const INVITEE = "marker-invitee-4471@example.test";
const NEW_PASSWORD = "PASSWORD-MARKER a gentle tide at noon";
const WRONG_PASSWORD = "WRONG-PASSWORD-MARKER-not-mine-3380";
const FAILED_NOTE = "FAILED-NOTE-MARKER-hidden-cove-2207";
const REAL_DB_NOTE = "REALDB-MARKER-cinder-path-6642";
const HTTP_NOTE = "HTTP-MARKER-open-field-1186";

const captured: string[] = [];
const capture = (...args: unknown[]) => {
  captured.push(util.formatWithOptions({ depth: Infinity }, ...args));
};
const captureWrite = (chunk: unknown) => {
  captured.push(typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8"));
  return true;
};

beforeAll(() => {
  for (const method of ["log", "info", "warn", "error", "debug", "trace"] as const) vi.spyOn(console, method).mockImplementation(capture);
  vi.spyOn(process.stdout, "write").mockImplementation(captureWrite as typeof process.stdout.write);
  vi.spyOn(process.stderr, "write").mockImplementation(captureWrite as typeof process.stderr.write);
});
afterAll(() => {
  vi.restoreAllMocks();
});

/** The JSON log lines captured so far. */
const logLines = () =>
  captured
    .flatMap((chunk) => chunk.split("\n"))
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
const lineWith = (errorId: string) => logLines().find((line) => line.errorId === errorId);

/** A Drizzle query error as postgres.js raises it: the SQL and params in the message, the row in the cause's detail. */
function queryErrorQuoting(values: string[]) {
  const cause = Object.assign(new Error(`duplicate key value violates unique constraint "users_email_unique"`), {
    code: "23505",
    constraint_name: "users_email_unique",
    table_name: "users",
    detail: `Key (email)=(${values[0]}) already exists.`,
  });
  return new DrizzleQueryError(`insert into "client_notes" ("body") values ($1) -- ${values.join(" ")}`, values, cause);
}

/** What Next would print for an error thrown from a page or a server action. */
const printed = (error: unknown) => util.inspect(error, { depth: Infinity });

async function failureOf(call: Promise<unknown>): Promise<TRPCError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

const secrets = {
  token: "",
  passwordHash: "",
  sessionId: "",
};

/** The tRPC HTTP handler as the route wires it, with a context built for the given session. */
function httpCall(path: string, input: unknown, context: () => Promise<Context>) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://localhost/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(superjson.serialize(input)),
    }),
    router: appRouter,
    createContext: context,
    onError: logRequestError,
  });
}

describe("logs during a whole flow with failures", () => {
  it("signs in, with a wrong password first", async () => {
    expect(await signInWithPassword(db, { email: world.emails.client, password: WRONG_PASSWORD }, testLimits)).toBeNull();
    const signedIn = await signInWithPassword(db, { email: world.emails.coach, password: TEST_PASSWORD }, testLimits);
    secrets.sessionId = signedIn!.sessionId;
    // next-auth reports the wrong password, and a sign-in whose lookup failed in the database.
    authLogger.error(new CredentialsSignin());
    // As @auth/core builds it from an error thrown in authorize (its types only admit a string).
    const callbackError = new (CallbackRouteError as unknown as new (cause: Error, options: object) => Error)(
      queryErrorQuoting([world.emails.client, WRONG_PASSWORD]),
      { provider: "credentials" },
    );
    authLogger.error(callbackError);
    const authLine = logLines().find((line) => line.event === "auth.error");
    expect(authLine).toMatchObject({ code: "CallbackRouteError", sqlState: "23505", errorId: expect.stringMatching(/^[0-9a-f]{12}$/) });
  });

  it("saves an answer, writes a note and a comment", async () => {
    const {
      assignmentIds: [assignmentId],
    } = await callers.coach.assignments.create({ exerciseId: exercise.exerciseId, clientIds: [world.ids.client] });
    const saved = await saveFirst(callers.client, assignmentId!, "word", text(ANSWER));
    await saveFirst(callers.client, assignmentId!, "reflection", text(`${ANSWER} at length`));
    await saveFirst(callers.client, assignmentId!, "calm", { kind: "scale", value: 5 });
    await callers.client.assignments.submit({ assignmentId: assignmentId! });
    await callers.client.answers.setSharing({ assignmentId: assignmentId!, coachId: world.ids.coach, shares: [{ promptId: "word", shared: true }] });
    await callers.coach.notes.create({ clientId: world.ids.client, body: NOTE });
    await callers.coach.feedback.comment({ answerId: saved.answerId, body: COMMENT });
  });

  it("invites someone while the mail server is down, and they accept", async () => {
    await runJobs(db, memoryTransport()); // the notifications of the steps before, so only the invitation is tried below
    const transport = failingTransport(`550 5.1.1 <${INVITEE}>: recipient rejected`);
    await callers.coach.invitations.create({ email: INVITEE, role: "client", name: INVITEE_NAME });
    await runJobs(db, transport);
    expect(transport.calls).toBe(1);
    expect(logLines().find((line) => line.event === "mail.send_failed")).toMatchObject({ outcome: "retrying", transport: "failing", attempts: 1 });

    const [queued] = await db.select().from(outboxEmails).where(eq(outboxEmails.toAddress, INVITEE));
    secrets.token = tokenFromEmail(queued!.textBody);
    const accepted = await createCaller(createContext({ db, session: null })).invitations.accept({ token: secrets.token, name: INVITEE_NAME, password: NEW_PASSWORD });
    const [person] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.email, accepted.email));
    secrets.passwordHash = person!.hash;
    expect(secrets.passwordHash).toMatch(/^\$argon2/);
  });

  it("logs a failed query by error id, path, code, actor and SQLSTATE, and throws nothing of it", async () => {
    const quoted = [FAILED_NOTE, secrets.passwordHash, secrets.token, `http://localhost:3000/invite/${secrets.token}`, NEW_PASSWORD];
    vi.spyOn(db, "insert").mockImplementationOnce(() => {
      throw queryErrorQuoting(quoted);
    });
    const error = await failureOf(callers.coach.notes.create({ clientId: world.ids.client, body: FAILED_NOTE }));
    expect(error.code).toBe("INTERNAL_SERVER_ERROR");
    expect(error.message).toMatch(/went wrong on our side/);
    // A page or server action rethrows this, and Next prints it: nothing of the query may be in it.
    for (const value of quoted) expect(printed(error)).not.toContain(value);
    const errorId = (error.cause as UnexpectedError).errorId;
    expect(error.message).toContain(errorId);
    expect(lineWith(errorId)).toMatchObject({
      level: "error",
      event: "trpc.unexpected",
      path: "notes.create",
      code: "INTERNAL_SERVER_ERROR",
      actorId: world.ids.coach,
      sqlState: "23505",
      constraint: "users_email_unique",
      table: "users",
    });
  });

  it("logs a real database error the same way", async () => {
    await db.execute(sql.raw(`alter table client_notes add constraint log_test_refuses_marker check (strpos(body, 'REALDB-MARKER') = 0)`));
    try {
      const error = await failureOf(callers.coach.notes.create({ clientId: world.ids.client, body: REAL_DB_NOTE }));
      expect(printed(error)).not.toContain(REAL_DB_NOTE);
      const errorId = (error.cause as UnexpectedError).errorId;
      expect(lineWith(errorId)).toMatchObject({
        path: "notes.create",
        code: "INTERNAL_SERVER_ERROR",
        actorId: world.ids.coach,
        sqlState: "23514",
        constraint: "log_test_refuses_marker",
        table: "client_notes",
      });
    } finally {
      await db.execute(sql.raw(`alter table client_notes drop constraint log_test_refuses_marker`));
    }
  });

  it("sends the error id over HTTP with a generic message, for failures inside and outside a procedure", async () => {
    const session = await resolveSession(db, secrets.sessionId, testLimits);
    vi.spyOn(db, "insert").mockImplementationOnce(() => {
      throw queryErrorQuoting([HTTP_NOTE, secrets.token]);
    });
    const response = await httpCall("notes.create", { clientId: world.ids.client, body: HTTP_NOTE }, async () => createContext({ db, session }));
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(body).not.toContain(HTTP_NOTE);
    const shape = (JSON.parse(body) as { error: { json: { message: string; data: { errorId: string } } } }).error.json;
    expect(shape.message).toContain(shape.data.errorId);
    expect(lineWith(shape.data.errorId)).toMatchObject({ path: "notes.create", code: "INTERNAL_SERVER_ERROR", actorId: world.ids.coach, sqlState: "23505" });

    // The context can't be built: the session lookup failed, quoting the session id.
    const broken = await httpCall("notes.create", { clientId: world.ids.client, body: HTTP_NOTE }, async () => {
      throw queryErrorQuoting([secrets.sessionId]);
    });
    const brokenShape = (JSON.parse(await broken.text()) as { error: { json: { data: { errorId: string } } } }).error.json;
    expect(lineWith(brokenShape.data.errorId)).toMatchObject({ path: "notes.create", code: "INTERNAL_SERVER_ERROR", sqlState: "23505" });
  });

  it("logs a failed session lookup for a page by its id, and throws nothing of it", async () => {
    pageRequest.sessionId = secrets.sessionId;
    expect(await getCurrentSession()).toMatchObject({ userId: world.ids.coach });
    // The session is remembered for a few seconds (decision 0023): forget it, so the next request looks it up.
    forgetCachedSessions(db);
    vi.spyOn(db, "select").mockImplementationOnce(() => {
      throw queryErrorQuoting([secrets.sessionId]);
    });
    const error = await getCurrentSession().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnexpectedError);
    expect(printed(error)).not.toContain(secrets.sessionId);
    expect(lineWith((error as UnexpectedError).errorId)).toMatchObject({ event: "session.lookup_failed", path: "session", sqlState: "23505" });
  });

  it("logs a failed mail run and a failed script without their text", async () => {
    await deliverDueEmails(db, { transport: failingTransport(`550 <${INVITEE}> ${secrets.token}`), now: () => new Date(Date.now() + 86_400_000) });

    await enqueueJob(db, QUEUES.deliverMail, { practiceId: null });
    vi.spyOn(db, "update").mockImplementationOnce(() => {
      throw queryErrorQuoting([INVITEE, secrets.token]);
    });
    await runJobs(db, failingTransport());
    expect(logLines().find((line) => line.event === "job.failed")).toMatchObject({ path: "job.mail-deliver", sqlState: "23505", attempts: 1 });

    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as typeof process.exit);
    await runScript(async () => {
      throw queryErrorQuoting([secrets.passwordHash, INVITEE]);
    });
    expect(exit).toHaveBeenCalledWith(1);
    expect(logLines().find((line) => line.event === "script.failed")).toMatchObject({ sqlState: "23505" });
  });

  it("wrote no one's words, token, password or hash to the logs", () => {
    const all = captured.join("\n");
    expect(captured.length).toBeGreaterThan(5);
    const forbidden = [
      ANSWER,
      NOTE,
      COMMENT,
      INVITEE,
      "MARKER-Inviteename",
      NEW_PASSWORD,
      WRONG_PASSWORD,
      TEST_PASSWORD,
      FAILED_NOTE,
      REAL_DB_NOTE,
      HTTP_NOTE,
      secrets.token,
      `/invite/${secrets.token}`,
      secrets.passwordHash,
      "$argon2",
      secrets.sessionId,
      world.emails.client,
      "Failed query",
    ];
    for (const value of forbidden) {
      expect(value).not.toBe("");
      expect(all, `the logs contain ${value}`).not.toContain(value);
    }
    // Every failure line names its error id, path and code; those in a procedure also the actor. A job's failure is
    // a warning while it will be retried, and counts here too.
    const failures = logLines().filter((line) => line.level === "error" || line.event === "job.failed");
    expect(failures.length).toBeGreaterThanOrEqual(8);
    for (const line of failures) expect(line).toMatchObject({ errorId: expect.stringMatching(/^[0-9a-f]{12}$/), path: expect.any(String) });
    const inProcedures = failures.filter((line) => line.event === "trpc.unexpected" && line.path === "notes.create");
    expect(inProcedures.length).toBe(4);
    expect(inProcedures.filter((line) => line.actorId === world.ids.coach)).toHaveLength(3);
  });
});
