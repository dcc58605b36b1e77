import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { signOutAction } from "@/app/_shell/sign-out";
import { getCurrentSession } from "@/server/auth/current-session";
import { homeFor } from "@/server/policy";
import { PublicMain } from "@/components/ui/layout";

export const metadata: Metadata = { title: "Sign out" };

export default async function SignOutPage() {
  const session = await getCurrentSession();
  if (!session) redirect("/sign-in");
  return (
    <PublicMain>
      <div className="w-full max-w-sm rounded-xl border border-line bg-white p-5 text-center">
        <h1 className="text-2xl font-semibold">Sign out of Hearth?</h1>
        <p className="mt-2 text-muted">Everything you saved stays safe. You can sign in again at any time.</p>
        <form action={signOutAction} className="mt-6">
          <button type="submit" className="w-full rounded-lg bg-accent px-4 py-2.5 font-medium text-white hover:bg-accent-strong">
            Sign out
          </button>
        </form>
        <p className="mt-4">
          <Link href={homeFor[session.role]} className="text-sm font-medium text-accent-strong underline underline-offset-4">
            Stay signed in
          </Link>
        </p>
      </div>
    </PublicMain>
  );
}
