import type { Metadata } from "next";
import { StartProgramForm } from "@/components/programs/start-program-form";
import { EmptyState, PageHeader } from "@/components/ui/layout";
import { requireArea } from "@/server/auth/current-session";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Start a program" };

export default async function StartProgramPage({ searchParams }: { searchParams: Promise<{ clientId?: string | string[] }> }) {
  await requireArea("coach");
  const { clientId } = await searchParams;
  const programs = await (await getServerCaller()).programs.list();
  return (
    <>
      <PageHeader
        title="Start a program"
        description="A program opens its exercises one by one over the weeks, each on its day or when the one before is done. Each client gets an email as a step opens."
      />
      {programs.length === 0 ? (
        <EmptyState title="No programs yet">Your practice&apos;s admin can build programs from the library. They&apos;ll appear here once published.</EmptyState>
      ) : (
        <StartProgramForm
          programs={programs.map(({ id, name, description, stepCount }) => ({ id, name, description, stepCount }))}
          preselectedClientId={typeof clientId === "string" ? clientId : undefined}
        />
      )}
    </>
  );
}
