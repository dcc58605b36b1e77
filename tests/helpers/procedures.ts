import { appRouter } from "@/server/trpc/root";
import type { Caller } from "./world";

export type ProcedureType = "query" | "mutation" | "subscription";
export type ProcedureInfo = { path: string; type: ProcedureType };

/**
 * Every procedure of the app router, read from the router itself (tRPC v11 keeps them in
 * `_def.procedures`, keyed by dotted path), so a new procedure can't be left out of the
 * authorization matrix or the fuzzing by forgetting to list it.
 */
export function routerProcedures(): ProcedureInfo[] {
  // Lazy sub-routers only list their procedures once loaded; none exist, and none may slip past unlisted.
  if (Object.keys(appRouter._def.lazy).length > 0) throw new Error("The app router has lazy sub-routers: load them before listing procedures");
  // Typed as the nested record, but at runtime a flat map from "router.procedure" to the procedure.
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: ProcedureType } }>;
  return Object.entries(procedures)
    .map(([path, procedure]) => ({ path, type: procedure._def.type }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Calls a procedure by its dotted path, with any input at all (the point is to send what the types forbid). */
export function callByPath(caller: Caller, path: string, input: unknown): Promise<unknown> {
  const procedure = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (procedure as (input: unknown) => Promise<unknown>)(input);
}
