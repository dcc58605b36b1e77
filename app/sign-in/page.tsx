import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentSession } from "@/server/auth/current-session";
import { homeFor } from "@/server/policy";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const session = await getCurrentSession();
  if (session) redirect(homeFor[session.role]);
  const { next } = await searchParams;
  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <p className="text-center text-lg font-semibold text-accent-strong">Hearth</p>
        <h1 className="mt-2 text-center text-2xl font-semibold">Welcome back</h1>
        <p className="mt-2 text-center text-muted">Sign in to continue where you left off.</p>
        <div className="mt-6 rounded-xl border border-line bg-white p-5">
          <SignInForm next={typeof next === "string" ? next : "/"} />
        </div>
      </div>
    </main>
  );
}
