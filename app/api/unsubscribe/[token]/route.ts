import { getServerCaller } from "@/server/trpc/server-caller";

/**
 * POST /unsubscribe/<token> lands here (proxy.ts rewrites it): from a mail provider's one-click button (RFC 8058,
 * body `List-Unsubscribe=One-Click`), or from the button on the confirmation page, which is shown the outcome.
 * GET never unsubscribes: link scanners open links.
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const outcome = await (await getServerCaller()).emailPreferences.unsubscribe({ token }).then(
    () => "done" as const,
    () => "invalid" as const,
  );
  const body = await request.text();
  const headers = { "Cache-Control": "no-store" };
  if (body.includes("List-Unsubscribe=One-Click")) {
    return new Response(outcome === "done" ? "Unsubscribed." : "This unsubscribe link isn't valid.", { status: outcome === "done" ? 200 : 400, headers });
  }
  const page = new URL(`/unsubscribe/${encodeURIComponent(token)}`, request.url);
  page.searchParams.set(outcome === "done" ? "done" : "invalid", "1");
  return new Response(null, { status: 303, headers: { ...headers, Location: `${page.pathname}${page.search}` } });
}

export const dynamic = "force-dynamic";
