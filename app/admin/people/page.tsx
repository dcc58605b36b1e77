import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/layout";
import { requireArea } from "@/server/auth/current-session";
import { PeopleList } from "./people-list";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage() {
  const session = await requireArea("admin");
  return (
    <>
      <PageHeader title="People" description="Everyone in your practice. Disabling someone signs them out straight away." />
      <PeopleList currentUserId={session.userId} />
    </>
  );
}
