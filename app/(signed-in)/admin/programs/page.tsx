import type { Metadata } from "next";
import Link from "next/link";
import { NewProgramForm } from "@/components/programs/new-program-form";
import { Card, EmptyState, PageHeader } from "@/components/ui/layout";
import { requireArea } from "@/server/auth/current-session";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Programs" };

const STATE: Record<"draft" | "published" | "archived", string> = { draft: "Draft", published: "Published", archived: "Archived" };

export default async function AdminProgramsPage() {
  await requireArea("admin");
  const programs = await (await getServerCaller()).programs.list();
  return (
    <>
      <PageHeader
        title="Programs"
        description="A program is a series of published exercises that opens step by step over the weeks. Coaches start published programs for their clients."
      />
      <div className="grid gap-8 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          {programs.length === 0 ? (
            <EmptyState title="No programs yet">Start one on the right, then add steps from your published exercises.</EmptyState>
          ) : (
            <ul className="space-y-3">
              {programs.map((program) => (
                <li key={program.id}>
                  <Card>
                    <Link href={`/admin/programs/${program.id}`} className="font-medium text-accent-strong underline underline-offset-4">
                      {program.name}
                    </Link>
                    <p className="text-sm text-muted">
                      {STATE[program.status]}
                      {program.latestVersion ? ` · version ${program.latestVersion}, ${program.stepCount} ${program.stepCount === 1 ? "step" : "steps"}` : ""}
                      {program.hasUnpublishedChanges && program.latestVersion ? " · changes not yet published" : ""}
                    </p>
                  </Card>
                </li>
              ))}
            </ul>
          )}
        </div>
        <NewProgramForm />
      </div>
    </>
  );
}
