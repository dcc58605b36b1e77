import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/ui/layout";
import { requireArea } from "@/server/auth/current-session";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "My clients" };

export default async function CoachHome() {
  await requireArea("coach");
  const roster = await (await getServerCaller()).clients.list({ limit: 100 });
  return (
    <>
      <PageHeader title="My clients" description="The people you're working with." />
      {roster.items.length === 0 ? (
        <EmptyState title="No clients yet">When you invite a client, they&apos;ll appear here.</EmptyState>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {roster.items.map((client) => (
            <li key={client.id} className="rounded-xl border border-line bg-white p-4">
              <p className="font-medium">{client.name}</p>
              <p className="text-sm text-muted">{client.email}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
