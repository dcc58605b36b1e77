import "server-only";
import type { Queryable } from "@/db/client";
import { recordAudit } from "@/server/audit";
import { InvalidInputError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";
import { loadArticle } from "./load";
import { moveStatus } from "./move-status";

/** Publishes a draft article with some text, so exercises can be built and published on it. */
export async function publishArticle(db: Queryable, actor: Actor, input: { id: string }, now = new Date()) {
  authorize(policy.editsContent(actor));
  return db.transaction(async (tx) => {
    const current = await loadArticle(tx, actor, input.id);
    if (current.status === "draft" && current.body.trim() === "") {
      throw new InvalidInputError("This article has no text yet. Write or import its body before publishing.", {
        issues: [{ path: "body", message: "Write the article before publishing it." }],
      });
    }
    const row = await moveStatus(tx, actor, input.id, ["draft"], "published", now, (status) =>
      status === "published" ? "This article is already published." : "This article is archived. Restore it to a draft first, then publish it.",
    );
    await recordAudit(tx, {
      practiceId: actor.practiceId,
      actorId: actor.userId,
      action: "content.article_published",
      entityType: "article",
      entityId: row.id,
      metadata: { title: row.title, revision: row.revision },
    });
    return { id: row.id, status: row.status };
  });
}
