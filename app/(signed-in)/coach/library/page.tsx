import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/layout";
import { requireArea } from "@/server/auth/current-session";
import { CoachLibrary } from "./coach-library";

export const metadata: Metadata = { title: "Library" };

export default async function CoachLibraryPage() {
  await requireArea("coach");
  return (
    <>
      <PageHeader title="Library" description="Your practice's published exercises and the articles they're built on. Preview any exercise exactly as a client will see it." />
      <CoachLibrary />
    </>
  );
}
