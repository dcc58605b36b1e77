import "server-only";
import type { Queryable } from "@/db/client";
import { type Actor, authorize, policy } from "@/server/policy";
import { loadArticle } from "../articles/load";
import { suggestedQuestions } from "../suggested-questions";

/** Questions found in the article, offered as prompts the admin can add in one click. */
export async function suggestPrompts(db: Queryable, actor: Actor, input: { articleId: string }): Promise<{ questions: string[] }> {
  authorize(policy.seesDraftContent(actor));
  const article = await loadArticle(db, actor, input.articleId);
  return { questions: suggestedQuestions(article.body) };
}
