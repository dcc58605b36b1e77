import type { Metadata } from "next";
import { EmailForm, PasswordForm, ProfileForm } from "@/components/account/account-forms";
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
  const me = await (await getServerCaller()).users.me({});
  const list = zones();
  return (
    <>
      <PageHeader title="Account" description="Your name, time zone, email address and password." />
      <div className="max-w-xl space-y-6">
        <ProfileForm action={updateProfileAction} name={me.name} timeZone={me.timeZone} zones={list.includes(me.timeZone) ? list : [me.timeZone, ...list]} />
        <EmailForm action={requestEmailChangeAction} email={me.email} />
        <PasswordForm action={changePasswordAction} />
      </div>
    </>
  );
}
