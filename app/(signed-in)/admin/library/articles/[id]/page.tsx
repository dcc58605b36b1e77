import type { Metadata } from "next";
import { readEditorPageProps, type EditorPageProps } from "@/app/(signed-in)/admin/library/editor-page-props";
import { BackLink } from "@/components/content/back-link";
import { PageHeader } from "@/components/ui/layout";
import { requireArea } from "@/server/auth/current-session";
import { orNotFound } from "@/server/trpc/or-not-found";
import { getServerCaller } from "@/server/trpc/server-caller";
import { ArticleEditor } from "../article-editor";
import { ArticleExercises } from "./article-exercises";

export const metadata: Metadata = { title: "Edit article" };

export default async function EditArticlePage(props: EditorPageProps) {
  await requireArea("admin");
  const { id, justCreated } = await readEditorPageProps(props);
  const article = await orNotFound((await getServerCaller()).articles.get({ id }));
  return (
    <>
      <BackLink href="/admin/library">Back to the library</BackLink>
      <PageHeader title={article.title} description="Edit the text on the left; the preview on the right shows it as clients will read it." />
      <ArticleEditor key={article.id} initial={article} justCreated={justCreated} />
      <ArticleExercises articleId={article.id} articleTitle={article.title} archived={article.status === "archived"} exercises={article.exercises} />
    </>
  );
}
