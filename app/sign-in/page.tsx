import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentSession, getPendingSession, pendingStepPage } from "@/server/auth/current-session";
import { safeRedirectPath } from "@/server/auth/redirect-target";
import { homeFor } from "@/server/policy";
import { ForgetThisDevice } from "@/components/offline/forget-this-device";
import { Notice, PublicMain } from "@/components/ui/layout";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

type Search = { next?: string; "signed-out"?: string; ended?: string; deleted?: string; reset?: string };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Search> }) {
  const session = await getCurrentSession();
  if (session) redirect(homeFor[session.role]);
  const pending = await getPendingSession();
  if (pending) redirect(pendingStepPage[pending.pendingStep]);
  const params = await searchParams;
  const next = safeRedirectPath(params.next);
  const notice = params["signed-out"]
    ? "You've signed out. Thank you for the work you did today."
    : params.ended
      ? "Your session ended, so we signed you out to keep your reflections private. Please sign in again to carry on."
      : params.deleted
        ? "Your account and everything you wrote are deleted. Thank you for the work you did here; we wish you well."
      : params.reset
        ? "Your new password is saved, and you've been signed out everywhere. Please sign in with it."
        : null;
  return (
    <PublicMain>
      <div className="w-full max-w-sm">
        {params["signed-out"] || params.deleted || params.reset ? <ForgetThisDevice /> : null}
        <p className="text-center text-lg font-semibold text-accent-strong">Hearth</p>
        <h1 className="mt-2 text-center text-2xl font-semibold">Welcome back</h1>
        <p className="mt-2 text-center text-muted">Sign in to continue where you left off.</p>
        {notice ? (
          <div className="mt-6">
            <Notice tone="success" role="status">
              {notice}
            </Notice>
          </div>
        ) : null}
        <div className="mt-6 rounded-xl border border-line bg-white p-5">
          <SignInForm next={next} />
        </div>
        <p className="mt-4 text-center">
          <Link href="/forgot-password" className="text-sm font-medium text-accent-strong underline underline-offset-4">
            Forgot your password?
          </Link>
        </p>
      </div>
    </PublicMain>
  );
}
