import type { Metadata } from "next";
import Link from "next/link";
import { FailedWork } from "@/components/admin/failed-work";
import { PageHeader, StatCard } from "@/components/ui/layout";
import { requireArea } from "@/server/auth/current-session";
import { readerTimeOf } from "@/server/dates/reader-time";
import { getServerCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Practice overview" };

export default async function AdminHome() {
  const readerTime = readerTimeOf(await requireArea("admin"));
  const caller = await getServerCaller();
  const [overview, failedWork] = await Promise.all([caller.practice.overview(), caller.jobs.failed()]);
  return (
    <>
      <PageHeader title={overview.practiceName} description="A quick look at your practice." />
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <StatCard label="Coaches" value={overview.coaches + overview.admins} />
        <StatCard label="Clients" value={overview.clients} />
        <StatCard label="Articles" value={overview.articles} />
        <StatCard label="Exercises" value={overview.exercises} />
      </dl>
      <ul className="mt-8 space-y-2">
        <li>
          <Link className="font-medium text-accent-strong underline underline-offset-4" href="/admin/library">
            Curate the content library
          </Link>
        </li>
        <li>
          <Link className="font-medium text-accent-strong underline underline-offset-4" href="/admin/people">
            See the people in your practice
          </Link>
        </li>
      </ul>
      <div className="mt-8">
        <FailedWork work={failedWork} readerTime={readerTime} />
      </div>
    </>
  );
}
