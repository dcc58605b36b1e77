import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { getServerCaller } from "@/server/trpc/server-caller";

/**
 * The JSON download. A POST from the "Your data" page (proxy.ts checks its origin, as for every change): it
 * records the export through the recordExport mutation, then reads the export through the export query. Both
 * through the server caller, so the same rules apply as over tRPC.
 */
export async function POST(): Promise<Response> {
  try {
    const caller = await getServerCaller();
    await caller.clientData.recordExport({ format: "json" });
    const data = await caller.clientData.export();
    const day = data.exportedAt.toISOString().slice(0, 10);
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="hearth-export-${day}.json"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof TRPCError) {
      return new Response(error.message, { status: getHTTPStatusCodeFromError(error), headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    throw error;
  }
}
