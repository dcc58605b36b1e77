import type { Metadata } from "next";
import { ScaleTrends } from "@/components/charts/scale-trends";
import { ClientTimeline } from "@/components/coach/client-timeline";
import { NotesPanel } from "@/components/coach/notes-panel";
import { RecordTrendsView } from "@/components/coach/record-view";
import { ClientPrograms } from "@/components/programs/client-programs";
import { LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/layout";
import { requireArea } from "@/server/auth/current-session";
import { readerTimeOf } from "@/server/dates/reader-time";
import { orNotFound } from "@/server/trpc/or-not-found";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Client" };

/** The chart shows shared answers' values: RecordTrendsView logs that view once the page is open (the query writes nothing). */
export default async function CoachClientPage({ params }: { params: Promise<{ id: string }> }) {
  const readerTime = readerTimeOf(await requireArea("coach"));
  const { id } = await params;
  const caller = await getServerCaller();
  const client = await orNotFound(caller.clients.get({ clientId: id }));
  if (client.former) {
    return (
      <>
        <PageHeader
          title={client.name}
          description="This person deleted their account, and everything they wrote went with it. Your private notes stay here, for you alone."
        />
        <div className="max-w-2xl">
          <NotesPanel clientId={client.id} clientName="This former client" />
        </div>
      </>
    );
  }
  const [trends, enrolments] = await Promise.all([caller.trends.forClient({ clientId: client.id }), caller.enrolments.listForClient({ clientId: client.id })]);
  return (
    <>
      <PageHeader
        title={client.name}
        description={client.email}
        actions={<LinkButton href={`/coach/assign?clientId=${client.id}`}>Assign an exercise</LinkButton>}
      />
      <div className="grid gap-8 lg:grid-cols-3">
        <div className="min-w-0 space-y-8 lg:col-span-2">
          <section aria-labelledby="client-exercises">
            <h2 id="client-exercises" className="mb-3 text-lg font-semibold">
              Exercises
            </h2>
            <ClientTimeline clientId={client.id} clientName={client.name} />
          </section>
          <ClientPrograms enrolments={enrolments} clientId={client.id} clientName={client.name} readerTime={readerTime} />
          <section aria-labelledby="client-trends">
            <h2 id="client-trends" className="mb-1 text-lg font-semibold">
              Scale answers over time
            </h2>
            <p className="mb-3 text-sm text-muted">Only answers {client.name} chose to share with you appear here.</p>
            <ScaleTrends series={trends} empty={`When ${client.name} shares an answer on a scale, it will be charted here.`} />
            {trends.length > 0 ? <RecordTrendsView clientId={client.id} /> : null}
          </section>
        </div>
        <div className="min-w-0">
          <NotesPanel clientId={client.id} clientName={client.name} />
        </div>
      </div>
    </>
  );
}
