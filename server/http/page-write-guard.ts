import "server-only";
import { BODY_LIMITS } from "@/lib/http/body-limits";
import { appOrigin, checkOrigin } from "./origin";

const refusal = (status: number, message: string) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * Guards every request that may change something and reaches a page or the auth routes: server actions (a POST to
 * a page) and next-auth's POST endpoints. It must come from our own pages (else 403, where Next.js alone would
 * answer a foreign server action with a 500), and declare a length within the server-action limit (else 411 or
 * 413), so nothing is read or parsed first. Browsers always declare the length of a form or action body.
 * `originExempt` is for the one-click unsubscribe address only (server/http/one-click-unsubscribe.ts).
 * Returns the response to send instead, or null to let the request through.
 */
export function refusePageWrite(req: Request, expectedOrigin: string = appOrigin, options: { originExempt?: boolean } = {}): Response | null {
  if (req.method === "GET" || req.method === "HEAD") return null;
  if (!options.originExempt) {
    const origin = checkOrigin(req.headers, expectedOrigin);
    if (!origin.ok) return refusal(403, origin.message);
  }
  const length = req.headers.get("content-length");
  if (length === null || !/^\d+$/.test(length)) return refusal(411, "Please send the length of the request (Content-Length).");
  if (Number(length) > BODY_LIMITS.serverAction) {
    return refusal(413, `That's more than we can receive in one go (${BODY_LIMITS.serverAction / 1024} KB). Please send less at a time.`);
  }
  return null;
}
