import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { getServerCaller } from "@/server/trpc/server-caller";
import { PublicMain } from "@/components/ui/layout";

export const metadata: Metadata = { title: "Unsubscribe" };
export const dynamic = "force-dynamic";

/**
 * Open without signing in: the signed link says whose email and which kind. Opening it changes nothing (mail
 * scanners open links); the button posts to the same address.
 */
export default async function UnsubscribePage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ done?: string }> }) {
  const { token } = await params;
  const { done } = await searchParams;
  const about = await (await getServerCaller()).emailPreferences.unsubscribeInfo({ token }).catch(() => null);
  return (
    <PublicMain>
      <div className="w-full max-w-sm">
        <p className="text-center text-lg font-semibold text-accent-strong">Hearth</p>
        {!about ? (
          <>
            <h1 className="mt-2 text-center text-2xl font-semibold">This link doesn&apos;t work</h1>
            <p className="mt-2 text-center text-muted">
              It may have been copied only in part. You can choose which emails you get on your account page once you&apos;ve signed in.
            </p>
          </>
        ) : done ? (
          <>
            <h1 className="mt-2 text-center text-2xl font-semibold">You won&apos;t get these emails any more</h1>
            <p className="mt-2 text-center text-muted" role="status">
              &ldquo;{about.label}&rdquo; is now off. You can turn it back on from your account page whenever you like.
            </p>
          </>
        ) : (
          <>
            <h1 className="mt-2 text-center text-2xl font-semibold">Stop these emails?</h1>
            <p className="mt-2 text-center text-muted">
              You&apos;ll no longer get emails for &ldquo;{about.label}&rdquo;. Nothing else changes, and you can turn them back on from your account
              page.
            </p>
            <form method="post" action={`/unsubscribe/${token}`} className="mt-6 rounded-xl border border-line bg-white p-5 text-center">
              <Button type="submit">Unsubscribe</Button>
            </form>
          </>
        )}
        <p className="mt-4 text-center">
          <Link href="/account" className="text-sm font-medium text-accent-strong underline underline-offset-4">
            Your account page
          </Link>
        </p>
      </div>
    </PublicMain>
  );
}
