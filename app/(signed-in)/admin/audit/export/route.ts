import { TRPCError } from "@trpc/server";
import { auditActionLabel } from "@/lib/audit/action-labels";
import { csvRow } from "@/lib/audit/csv";
import { getServerCaller } from "@/server/trpc/server-caller";

/** A download holds at most this many events; narrow the filters for more. */
const MAX_PAGES = 200;
const PAGE = 100;

const statusOf: Partial<Record<TRPCError["code"], number>> = { UNAUTHORIZED: 401, FORBIDDEN: 403, BAD_REQUEST: 400, NOT_FOUND: 404 };

/** The audit log as CSV, with the page's filters. The same procedure as the page, so the same rules. */
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const filter: Record<string, unknown> = {};
  for (const key of ["personId", "action", "subjectKind"] as const) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  for (const key of ["from", "until"] as const) {
    const value = params.get(key);
    if (value) filter[key] = new Date(value);
  }
  try {
    const caller = await getServerCaller();
    let body = csvRow(["Time (UTC)", "What happened", "Action", "Who", "Whose", "About", "About id", "Details"]);
    let cursor = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const result: Awaited<ReturnType<typeof caller.audit.list>> = await caller.audit.list({ ...(filter as object), cursor, limit: PAGE });
      for (const e of result.items) {
        body += csvRow([
          e.createdAt.toISOString(),
          auditActionLabel(e.action),
          e.action,
          e.actor?.name ?? "",
          e.subject?.name ?? "",
          e.entityType,
          e.entityId,
          e.detail,
        ]);
      }
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": 'attachment; filename="hearth-audit-log.csv"',
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    const status = error instanceof TRPCError ? statusOf[error.code] : undefined;
    if (!status) throw error;
    return new Response(status === 400 ? "Those filters don't fit. Please go back and check them." : "Not available.", {
      status,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
}
