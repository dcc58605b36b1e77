import Link from "next/link";
import { PageHeader } from "@/components/ui/layout";

export function AssignmentPageHeader({ title, coachName }: { title: string; coachName: string }) {
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/client" prefetch={false} className="text-accent-strong underline underline-offset-4">
          My exercises
        </Link>
      </p>
      <PageHeader title={title} description={`From ${coachName}`} />
    </>
  );
}
