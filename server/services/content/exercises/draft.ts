import "server-only";
import { ConflictError, InvalidInputError } from "@/server/errors";
import { type ArticleText, snapshotOf } from "../article-snapshot";
import { sectionOutline } from "../articles/load";
import type { ArticleSnapshot, PromptDefinition } from "@/lib/content/prompts";
import { sameContent } from "../same-content";
import type { DraftContent } from "./load";

const draftContentOf = (v: DraftContent): DraftContent => ({ title: v.title, instructions: v.instructions, prompts: v.prompts });

/** Whether a published version says what `content` says (the article it carries aside). */
export const sameDraftContent = (version: DraftContent, content: DraftContent) => sameContent(draftContentOf(version), draftContentOf(content));

/** Whether the article reads now as it did when `version` was published. */
export const sameArticle = (version: { article: ArticleSnapshot }, article: ArticleText) => sameContent(version.article, snapshotOf(article));

/** A prompt may point at a section of its article; the section has to exist in the article as it reads now. */
export function checkAnchors(prompts: PromptDefinition[], body: string): void {
  const anchors = new Set(sectionOutline(body).map((s) => s.anchor));
  const issues = prompts.flatMap((prompt, index) =>
    prompt.sectionAnchor !== null && !anchors.has(prompt.sectionAnchor)
      ? [{ path: `prompts.${index}.sectionAnchor`, message: "That section isn't in the article any more. Pick another section, or none." }]
      : [],
  );
  if (issues.length > 0) {
    throw new InvalidInputError(
      issues.length === 1
        ? "One prompt points at a section the article no longer has."
        : `${issues.length} prompts point at sections the article no longer has.`,
      { issues },
    );
  }
}

/** The working copy was saved elsewhere after the caller read it. */
export const staleDraft = (currentRevision: number) =>
  new ConflictError(
    "This exercise was saved somewhere else after you opened it, so your changes weren't saved. Copy anything you want to keep, then reload to see the latest version.",
    { currentRevision },
  );
