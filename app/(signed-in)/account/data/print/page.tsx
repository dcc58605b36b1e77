import type { Metadata } from "next";
import { RecordExport } from "@/components/account/record-export";
import { PrintableExport } from "@/components/account/printable-export";
import { requireArea } from "@/server/auth/current-session";
import { readerTimeOf } from "@/server/dates/reader-time";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Your data, printable" };

/** The export as a page to read or print. The read records nothing; RecordExport records the opening once. */
export default async function PrintableExportPage() {
  const readerTime = readerTimeOf(await requireArea("client"));
  const data = await (await getServerCaller()).clientData.export();
  return (
    <>
      <PrintableExport data={data} readerTime={readerTime} />
      <RecordExport format="html" />
    </>
  );
}
