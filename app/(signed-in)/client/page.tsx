import type { Metadata } from "next";
import { HandoverNotice } from "@/components/client/handover-notice";
import { HomeSections } from "@/components/client/home-sections";
import { MyPrograms } from "@/components/programs/my-programs";
import { PageHeader } from "@/components/ui/layout";
import { requireArea } from "@/server/auth/current-session";
import { readerTimeOf } from "@/server/dates/reader-time";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "My exercises" };

export default async function ClientHome() {
  const session = await requireArea("client");
  const readerTime = readerTimeOf(session);
  const caller = await getServerCaller();
  const [{ items }, enrolments, handoverNotice] = await Promise.all([
    caller.assignments.listForClient(),
    caller.enrolments.listMine(),
    caller.handover.myNotice(),
  ]);
  return (
    <>
      <PageHeader
        title={`Hello, ${session.name.split(" ")[0]}`}
        description="Your exercises live here. What you write stays private unless you choose to share it."
      />
      <HandoverNotice notice={handoverNotice} />
      <MyPrograms enrolments={enrolments} readerTime={readerTime} />
      <HomeSections cards={items} readerTime={readerTime} />
    </>
  );
}
