import type { Metadata } from "next";
import { BackLink } from "@/components/content/back-link";
import { PageHeader } from "@/components/ui/layout";
import { requireArea } from "@/server/auth/current-session";
import { ArticleEditor } from "../article-editor";

export const metadata: Metadata = { title: "New article" };

export default async function NewArticlePage() {
  await requireArea("admin");
  return (
    <>
      <BackLink href="/admin/library">Back to the library</BackLink>
      <PageHeader title="New article" description="It stays a draft, seen only by admins, until you publish it." />
      <ArticleEditor initial={null} />
    </>
  );
}
