import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { signOutAction } from "@/app/_shell/sign-out";
import { getCurrentSession, getPendingSession, pendingStepPage } from "@/server/auth/current-session";
import { safeRedirectPath } from "@/server/auth/redirect-target";
import { homeFor } from "@/server/policy";
import { SecondStepForm } from "./second-step-form";
import { PublicMain } from "@/components/ui/layout";

export const metadata: Metadata = { title: "One more step" };
export const dynamic = "force-dynamic";

export default async function SecondStepPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeRedirectPath((await searchParams).next);
  const session = await getCurrentSession();
  if (session) redirect(homeFor[session.role]);
  const pending = await getPendingSession();
  if (!pending) redirect("/sign-in");
  if (pending.pendingStep !== "second_factor") redirect(pendingStepPage[pending.pendingStep]);
  return (
    <PublicMain>
      <div className="w-full max-w-sm">
        <p className="text-center text-lg font-semibold text-accent-strong">Hearth</p>
        <h1 className="mt-2 text-center text-2xl font-semibold">One more step</h1>
        <p className="mt-2 text-center text-muted">Open your authenticator app and enter the code it shows for Hearth.</p>
        <div className="mt-6 rounded-xl border border-line bg-white p-5">
          <SecondStepForm next={next} />
        </div>
        <form action={signOutAction} className="mt-4 text-center">
          <button type="submit" className="text-sm font-medium text-accent-strong underline underline-offset-4">
            Not you? Start again
          </button>
        </form>
      </div>
    </PublicMain>
  );
}
