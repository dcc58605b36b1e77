import type { Metadata } from "next";
import { BackLink } from "@/components/content/back-link";
import { ProgramBuilder } from "@/components/programs/program-builder";
import { requireArea } from "@/server/auth/current-session";
import { orNotFound } from "@/server/trpc/or-not-found";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Program" };

export default async function AdminProgramPage({ params }: { params: Promise<{ id: string }> }) {
  await requireArea("admin");
  const { id } = await params;
  const caller = await getServerCaller();
  const program = await orNotFound(caller.programs.get({ id }));
  const { items } = await caller.exercises.list({ status: "published", limit: 100 });
  return (
    <>
      <BackLink href="/admin/programs">All programs</BackLink>
      <ProgramBuilder program={program} exercises={items.map((e) => ({ id: e.id, title: e.title }))} />
    </>
  );
}
