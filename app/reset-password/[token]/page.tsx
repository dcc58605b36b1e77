import type { Metadata } from "next";
import Link from "next/link";
import { TRPCError } from "@trpc/server";
import { ResetPasswordForm } from "@/components/account/reset-password-form";
import { getServerCaller } from "@/server/trpc/server-caller";
import { resetPasswordAction } from "./actions";
import { PublicMain } from "@/components/ui/layout";

export const metadata: Metadata = { title: "Choose a new password" };
export const dynamic = "force-dynamic";

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  let unavailable: string | null = null;
  try {
    await (await getServerCaller()).account.resetLinkStatus({ token });
  } catch (error) {
    if (!(error instanceof TRPCError) || (error.code !== "NOT_FOUND" && error.code !== "BAD_REQUEST")) throw error;
    unavailable =
      error.code === "NOT_FOUND" ? error.message : "This link to choose a new password doesn't work. Please check that the whole link was copied, or ask for a new one.";
  }
  return (
    <PublicMain>
      <div className="w-full max-w-sm">
        <p className="text-center text-lg font-semibold text-accent-strong">Hearth</p>
        <h1 className="mt-2 text-center text-2xl font-semibold">Choose a new password</h1>
        {unavailable ? (
          <div className="mt-6 rounded-xl border border-line bg-white p-5">
            <p>{unavailable}</p>
            <p className="mt-4">
              <Link href="/forgot-password" className="font-medium text-accent-strong underline underline-offset-4">
                Ask for a new link
              </Link>
            </p>
          </div>
        ) : (
          <>
            <p className="mt-2 text-center text-muted">Once it&apos;s saved, you&apos;ll be signed out everywhere and can sign in with it.</p>
            <div className="mt-6 rounded-xl border border-line bg-white p-5">
              <ResetPasswordForm action={resetPasswordAction.bind(null, token)} />
            </div>
          </>
        )}
      </div>
    </PublicMain>
  );
}
