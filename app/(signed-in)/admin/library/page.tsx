import type { Metadata } from "next";
import Link from "next/link";
import { LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/layout";
import { requireArea } from "@/server/auth/current-session";
import { ArticlesList } from "./articles-list";
import { ExercisesList } from "./exercises-list";

export const metadata: Metadata = { title: "Library" };

export default async function AdminLibraryPage({ searchParams }: { searchParams: Promise<{ show?: string }> }) {
  await requireArea("admin");
  const show = (await searchParams).show === "exercises" ? "exercises" : "articles";
  const tab = (name: "articles" | "exercises", label: string) => (
    <Link
      href={name === "articles" ? "/admin/library" : "/admin/library?show=exercises"}
      aria-current={show === name ? "page" : undefined}
      className={`rounded-lg px-4 py-2 text-sm font-medium ${show === name ? "bg-accent-soft text-accent-strong" : "text-ink hover:bg-stone-100"}`}
    >
      {label}
    </Link>
  );
  return (
    <>
      <PageHeader
        title="Library"
        description="The articles and exercises your coaches can assign. Only published items reach coaches and clients."
        actions={
          <>
            <LinkButton href="/admin/library/articles/new">New article</LinkButton>
            <LinkButton href="/admin/library/import" variant="secondary">
              Import a document
            </LinkButton>
          </>
        }
      />
      <nav aria-label="Library sections" className="mb-6 flex gap-2 border-b border-line pb-2">
        {tab("articles", "Articles")}
        {tab("exercises", "Exercises")}
      </nav>
      {show === "articles" ? <ArticlesList /> : <ExercisesList />}
    </>
  );
}
