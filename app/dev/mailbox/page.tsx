import type { Metadata } from "next";
import { MailboxList } from "@/components/mailbox/mailbox-list";
import { PageHeader } from "@/components/ui/layout";
import { requireArea } from "@/server/auth/current-session";
import { orNotFound } from "@/server/trpc/or-not-found";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Development mailbox" };
export const dynamic = "force-dynamic";

/** Admins only, and only while no SMTP server is set up: the procedure refuses otherwise, and so does this page. */
export default async function DevMailboxPage() {
  await requireArea("admin");
  const mailbox = await orNotFound((await getServerCaller()).mailbox.list({}));
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-8">
      <PageHeader
        title="Development mailbox"
        description="No email server is set up, so your practice's emails are kept here instead. Only admins can open this page."
      />
      <MailboxList emails={mailbox.items} />
    </main>
  );
}
