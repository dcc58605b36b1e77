import Link from "next/link";
import { PublicMain } from "@/components/ui/layout";

/** Shown for a link that was already used, withdrawn, replaced by a newer one, or has expired. */
export function InvitationUnavailable() {
  return (
    <PublicMain>
      <div className="w-full max-w-md text-center">
        <p className="text-lg font-semibold text-accent-strong">Hearth</p>
        <h1 className="mt-2 text-2xl font-semibold">This invitation link no longer works</h1>
        <p className="mt-3 text-muted">
          Links work once and for 7 days, and a newer invitation replaces an older one. Please ask the person who invited you to send a
          fresh link. If you already joined, you can sign in.
        </p>
        <p className="mt-6">
          <Link href="/sign-in" className="font-medium text-accent-strong underline underline-offset-4">
            Go to sign in
          </Link>
        </p>
      </div>
    </PublicMain>
  );
}
