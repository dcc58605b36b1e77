import type { Metadata } from "next";
import { BackLink } from "@/components/content/back-link";
import { PageHeader } from "@/components/ui/layout";
import { requireArea } from "@/server/auth/current-session";
import { ImportWizard } from "./import-wizard";

export const metadata: Metadata = { title: "Import a document" };

export default async function ImportPage() {
  await requireArea("admin");
  return (
    <>
      <BackLink href="/admin/library">Back to the library</BackLink>
      <PageHeader
        title="Import a document"
        description="Turn a text you already have into a draft article. You'll see a preview and can fix anything before it's saved."
      />
      <ImportWizard />
    </>
  );
}
