import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { DomainError, type DomainErrorCode } from "../errors";
import { isProduction } from "../env";
import { type Actor, authorize, policy } from "../policy";
import { reportUnexpected, unexpectedMessage } from "../unexpected";
import type { SessionUser } from "@/lib/people/roles";
import { transformer } from "@/lib/trpc/transformer";
import type { Context } from "./context";
import { errorIdOf } from "./error-log";

const trpcCode: Record<DomainErrorCode, TRPCError["code"]> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHORIZED: "UNAUTHORIZED",
  CONFLICT: "CONFLICT",
  BAD_REQUEST: "BAD_REQUEST",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
};

type ErrorShape = { message: string; code: number; data: { code: string; httpStatus: number; path?: string; stack?: string } };

/**
 * What a caller sees of an error. Production responses never carry a stack trace or internal details.
 * An internal error carries its error id, the one in the log line, for the person to quote to support.
 */
export function formatError(shape: ErrorShape, error: TRPCError, production: boolean) {
  const cause = error.cause;
  // Only input errors list their fields. An output that fails its schema (a field a service must not
  // send) is our fault, an INTERNAL_SERVER_ERROR like any other: it names no fields.
  const zodIssues =
    cause instanceof ZodError && error.code === "BAD_REQUEST"
      ? cause.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }))
      : undefined;
  const errorId = error.code === "INTERNAL_SERVER_ERROR" ? errorIdOf(error) : undefined;
  const message = zodIssues
    ? "Some of what was sent doesn't fit. Please check the highlighted fields."
    : errorId && production
      ? unexpectedMessage(errorId)
      : shape.message;
  return {
    ...shape,
    message,
    data: {
      code: shape.data.code,
      httpStatus: shape.data.httpStatus,
      path: shape.data.path,
      // Production responses leave the key out entirely, not even a null.
      ...(production ? {} : { stack: shape.data.stack }),
      zodIssues,
      details: cause instanceof DomainError ? cause.details : undefined,
      errorId,
    },
  };
}

const t = initTRPC.context<Context>().create({
  transformer,
  errorFormatter: ({ shape, error }) => formatError(shape, error, isProduction),
});

/**
 * The one place domain errors become tRPC errors, and unexpected ones are logged (id, path, code,
 * actor; never the error's text) and replaced by a generic error carrying that id. So neither the
 * HTTP response nor a page calling in-process (where Next prints what is thrown) sees a database
 * error's message, which quotes the query's parameters.
 */
const mapDomainErrors = t.middleware(async ({ ctx, path, next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof DomainError) {
    throw new TRPCError({ code: trpcCode[cause.code], message: cause.message, cause });
  }
  if (result.error.code === "INTERNAL_SERVER_ERROR") {
    const safe = reportUnexpected(cause ?? result.error, "trpc.unexpected", { path, code: result.error.code, actorId: ctx.session?.userId });
    throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: safe.message, cause: safe });
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(mapDomainErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in to continue." });
  return next({ ctx: { ...ctx, session: ctx.session as SessionUser, actor: ctx.session as Actor } });
});

/** The second step of signing in: only a session held at "second_factor" may call it. */
export const secondStepProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.pendingSession?.pendingStep !== "second_factor") throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in to continue." });
  return next({ ctx: { ...ctx, owner: ctx.pendingSession } });
});

/** Setting up a second factor: a full session, or one held at "enrol" because the practice requires it. */
export const enrolmentProcedure = publicProcedure.use(({ ctx, next }) => {
  const owner = ctx.session ?? (ctx.pendingSession?.pendingStep === "enrol" ? ctx.pendingSession : null);
  if (!owner) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in to continue." });
  return next({ ctx: { ...ctx, owner } });
});

/** A procedure open to actors for whom the policy check returns true. */
export const procedureFor = (check: (actor: Actor) => boolean) =>
  authedProcedure.use(({ ctx, next }) => {
    authorize(check(ctx.actor));
    return next();
  });

export const adminProcedure = procedureFor(policy.managesPractice);
export const coachProcedure = procedureFor(policy.coaches);
export const clientProcedure = procedureFor(policy.isClient);
