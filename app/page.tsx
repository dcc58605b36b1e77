import { redirect } from "next/navigation";
import { getCurrentSession, getPendingSession, pendingStepPage } from "@/server/auth/current-session";
import { homeFor } from "@/server/policy";

export default async function Home() {
  const session = await getCurrentSession();
  if (session) redirect(homeFor[session.role]);
  const pending = await getPendingSession();
  redirect(pending ? pendingStepPage[pending.pendingStep] : "/sign-in");
}
