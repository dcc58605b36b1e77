import { redirect } from "next/navigation";
import { getCurrentSession, getPendingSession, pendingStepPage } from "@/server/auth/current-session";
import { safeRedirectPath } from "@/server/auth/redirect-target";
import { homeFor } from "@/server/policy";

/**
 * Where everyone lands, and where sign-in sends them with the page they asked for (`next`): a signed-in
 * person goes there (or home); one still at their second step goes there first, `next` carried along.
 */
export default async function Home({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const asked = safeRedirectPath((await searchParams).next, "/");
  // "/" is this page: going there again would loop.
  const next = asked === "/" ? "" : asked;
  const session = await getCurrentSession();
  if (session) redirect(next || homeFor[session.role]);
  const pending = await getPendingSession();
  if (!pending) redirect("/sign-in");
  const step = pendingStepPage[pending.pendingStep];
  redirect(next && pending.pendingStep === "second_factor" ? `${step}?next=${encodeURIComponent(next)}` : step);
}
