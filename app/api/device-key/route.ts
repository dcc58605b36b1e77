import { handOutDeviceDraftsSecret } from "@/server/auth/device-drafts";

/**
 * A client's exercise page asks for this while online: the answer is a cookie holding the secret its unsent
 * answers are encrypted with on the device (decision 0024). Nobody else gets one.
 */
export async function GET() {
  const secret = await handOutDeviceDraftsSecret();
  if (!secret) return new Response(null, { status: 401, headers: { "Cache-Control": "no-store" } });
  return Response.json({ secret }, { headers: { "Cache-Control": "no-store" } });
}
