import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/layout";
import { requireArea } from "@/server/auth/current-session";
import { ImportWizard } from "./import-wizard";

export const metadata: Metadata = { title: "Import a document" };

export default async function ImportPage() {
  await requireArea("admin");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/library" className="text-accent-strong underline underline-offset-4">
          Back to the library
        </Link>
      </p>
      <PageHeader
        title="Import a document"
        description="Turn a text you already have into a draft article. You'll see a preview and can fix anything before it's saved."
      />
      <ImportWizard />
    </>
  );
}
