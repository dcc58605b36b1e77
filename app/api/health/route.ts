/**
 * The lightest possible answer from the server: the exercise page asks it once a second while saves can't get
 * through, so "Saved" follows within a second or two of the server coming back, not after a long backoff.
 */
export function GET() {
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}

export const HEAD = GET;
export const dynamic = "force-dynamic";
