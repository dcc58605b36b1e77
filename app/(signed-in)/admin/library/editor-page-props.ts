/** What an admin editor page (article, exercise) is given by Next.js. */
export type EditorPageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string }>;
};

/** The item's id, and whether it was just created: the pages that create one add `?created=1`. */
export async function readEditorPageProps({ params, searchParams }: EditorPageProps): Promise<{ id: string; justCreated: boolean }> {
  const [{ id }, { created }] = await Promise.all([params, searchParams]);
  return { id, justCreated: created === "1" };
}
