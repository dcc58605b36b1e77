import type { Metadata } from "next";
import Link from "next/link";
import { EmailForm, PasswordForm, ProfileForm } from "@/components/account/account-forms";
import { EmailPreferencesForm } from "@/components/account/email-preferences-form";
import { PendingEmailChange } from "@/components/account/pending-email-change";
import { PageHeader } from "@/components/ui/layout";
import { getServerCaller } from "@/server/trpc/server-caller";
import { changePasswordAction, requestEmailChangeAction, updateProfileAction } from "./actions";

export const metadata: Metadata = { title: "Account" };

/** Every IANA zone this server knows (the same list the server checks a choice against). */
const zones = () => {
  const known = Intl.supportedValuesOf("timeZone");
  return known.includes("UTC") ? known : ["UTC", ...known];
};

export default async function AccountPage() {
  const caller = await getServerCaller();
  const [me, pendingEmail, emailPreferences] = await Promise.all([caller.users.me({}), caller.account.pendingEmailChange({}), caller.emailPreferences.get({})]);
  const list = zones();
  return (
    <>
      <PageHeader title="Account" description="Your name, time zone, email address and password, which emails you get, and how you sign in." />
      <div className="max-w-xl space-y-6">
        <ProfileForm action={updateProfileAction} name={me.name} timeZone={me.timeZone} zones={list.includes(me.timeZone) ? list : [me.timeZone, ...list]} />
        <div className="space-y-3">
          {pendingEmail ? <PendingEmailChange newEmail={pendingEmail.newEmail} expiresAt={pendingEmail.expiresAt} /> : null}
          <EmailForm action={requestEmailChangeAction} email={me.email} />
        </div>
        <PasswordForm action={changePasswordAction} />
        <EmailPreferencesForm preferences={emailPreferences} />
        <nav aria-labelledby="more-account-heading" className="rounded-xl border border-line bg-white p-4">
          <h2 id="more-account-heading" className="font-semibold text-ink">
            More about your account
          </h2>
          <ul className="mt-2 space-y-2">
            <li>
              <Link href="/account/security" className="text-accent-strong underline underline-offset-4">
                Two-step sign-in
              </Link>
              <span className="text-muted"> · a code from an app on your phone, as well as your password</span>
            </li>
            <li>
              <Link href="/account/sessions" className="text-accent-strong underline underline-offset-4">
                Where you&apos;re signed in
              </Link>
              <span className="text-muted"> · see your sessions and end any of them</span>
            </li>
            {me.role === "client" ? (
              <li>
                <Link href="/account/data" className="text-accent-strong underline underline-offset-4">
                  Your data
                </Link>
                <span className="text-muted"> · download everything, or delete your account</span>
              </li>
            ) : null}
          </ul>
        </nav>
      </div>
    </>
  );
}
