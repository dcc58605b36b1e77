import "server-only";
import type { Queryable } from "@/db/client";
import { articles, exercises } from "@/db/schema";
import { InvalidInputError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";
import type { ArticleFieldsInput } from "./articles/create";
import { decodeImportFile, IMPORT_MAX_BYTES } from "./import/decode-file";
import { parseImportedDocument, type ImportDraft } from "./import/parse-document";
import { plainTitle } from "./import/title";
import { type PromptDefinition } from "@/lib/content/prompts";
import { promptListSchema } from "@/server/services/content/prompt-schemas";

export type ImportSource = { text: string } | { fileName: string; contentBase64: string };

/** The longest base64 text that can hold IMPORT_MAX_BYTES: checked before anything is decoded. */
export const IMPORT_MAX_BASE64 = Math.ceil(IMPORT_MAX_BYTES / 3) * 4;

const tooBig = () =>
  new InvalidInputError(
    `That's more than ${IMPORT_MAX_BYTES / 1024} KB of text. Please split the document into parts and import them one at a time.`,
  );

/** Turns pasted text or an uploaded .txt/.md file into a draft for the admin to review. Saves nothing. */
export function previewImport(actor: Actor, input: ImportSource): ImportDraft {
  authorize(policy.editsContent(actor));
  return parseImportedDocument(importText(input));
}

function importText(input: ImportSource): string {
  if ("text" in input) {
    if (new TextEncoder().encode(input.text).length > IMPORT_MAX_BYTES) throw tooBig();
    const text = input.text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
    if (text.trim() === "") throw new InvalidInputError("There's no text to import yet. Paste the document, or choose a file.");
    return text;
  }
  if (input.contentBase64.length > IMPORT_MAX_BASE64) throw tooBig();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.contentBase64) || input.contentBase64.length % 4 !== 0) {
    throw new InvalidInputError("That file didn't arrive in one piece. Please choose it again.");
  }
  const bytes = new Uint8Array(Buffer.from(input.contentBase64, "base64"));
  return decodeImportFile({ name: input.fileName, bytes });
}

/** Builds long-answer prompts from the questions the admin ticked in the import preview. */
export function promptsFromQuestions(questions: string[]): PromptDefinition[] {
  return promptListSchema.parse(
    questions.map((label, index) => ({ id: `q${index + 1}`, kind: "long_text", label, help: "", required: false, sectionAnchor: null })),
  );
}

/**
 * Saves a reviewed import as a draft article and, when questions were picked, a draft exercise
 * whose prompts are those questions, in one transaction: both exist, or neither does.
 */
export async function saveImport(
  db: Queryable,
  actor: Actor,
  input: { article: ArticleFieldsInput; exercise: { title: string; questions: string[] } | null },
  now = new Date(),
): Promise<{ articleId: string; exerciseId: string | null }> {
  authorize(policy.editsContent(actor));
  const prompts = input.exercise ? promptsFromQuestions(input.exercise.questions) : [];
  // Titles are plain text, whatever the reviewed form still carried from the document.
  const articleTitle = plainTitle(input.article.title) || input.article.title;
  const exerciseTitle = input.exercise ? plainTitle(input.exercise.title) || input.exercise.title : "";
  return db.transaction(async (tx) => {
    const [article] = await tx
      .insert(articles)
      .values({ ...input.article, title: articleTitle, practiceId: actor.practiceId, status: "draft", createdById: actor.userId, createdAt: now, updatedAt: now })
      .returning({ id: articles.id });
    if (!input.exercise) return { articleId: article!.id, exerciseId: null };
    const [exercise] = await tx
      .insert(exercises)
      .values({
        practiceId: actor.practiceId,
        articleId: article!.id,
        draftTitle: exerciseTitle,
        draftPrompts: prompts,
        createdById: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: exercises.id });
    return { articleId: article!.id, exerciseId: exercise!.id };
  });
}
