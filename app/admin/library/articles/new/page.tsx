import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/layout";
import { requireArea } from "@/server/auth/current-session";
import { ArticleEditor } from "../article-editor";

export const metadata: Metadata = { title: "New article" };

export default async function NewArticlePage() {
  await requireArea("admin");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/library" className="text-accent-strong underline underline-offset-4">
          Back to the library
        </Link>
      </p>
      <PageHeader title="New article" description="It stays a draft, seen only by admins, until you publish it." />
      <ArticleEditor initial={null} />
    </>
  );
}
