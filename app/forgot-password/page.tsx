import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/account/forgot-password-form";
import { requestResetAction } from "./actions";
import { PublicMain } from "@/components/ui/layout";

export const metadata: Metadata = { title: "Forgot your password?" };
export const dynamic = "force-dynamic";

export default function ForgotPasswordPage() {
  return (
    <PublicMain>
      <div className="w-full max-w-sm">
        <p className="text-center text-lg font-semibold text-accent-strong">Hearth</p>
        <h1 className="mt-2 text-center text-2xl font-semibold">Forgot your password?</h1>
        <p className="mt-2 text-center text-muted">
          It happens. Tell us the email address you sign in with, and we&apos;ll send you a link to choose a new password.
        </p>
        <div className="mt-6 rounded-xl border border-line bg-white p-5">
          <ForgotPasswordForm action={requestResetAction} />
        </div>
        <p className="mt-4 text-center">
          <Link href="/sign-in" className="text-sm font-medium text-accent-strong underline underline-offset-4">
            Back to sign in
          </Link>
        </p>
      </div>
    </PublicMain>
  );
}
