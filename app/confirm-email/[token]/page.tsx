import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmEmailForm } from "@/components/account/confirm-email-form";
import { confirmEmailAction } from "./actions";
import { PublicMain } from "@/components/ui/layout";

export const metadata: Metadata = { title: "Confirm your new email address" };
export const dynamic = "force-dynamic";

/** Open without signing in: the link arrived at the new address, and holding it is the proof. */
export default async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <PublicMain>
      <div className="w-full max-w-sm">
        <p className="text-center text-lg font-semibold text-accent-strong">Hearth</p>
        <h1 className="mt-2 text-center text-2xl font-semibold">Confirm your new email address</h1>
        <p className="mt-2 text-center text-muted">Once confirmed, you sign in with this address and our emails go to it.</p>
        <div className="mt-6 rounded-xl border border-line bg-white p-5">
          <ConfirmEmailForm action={confirmEmailAction.bind(null, token)} />
        </div>
        <p className="mt-4 text-center">
          <Link href="/" className="text-sm font-medium text-accent-strong underline underline-offset-4">
            Go to Hearth
          </Link>
        </p>
      </div>
    </PublicMain>
  );
}
