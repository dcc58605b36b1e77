import "server-only";
import type { Queryable } from "@/db/client";
import { recordAudit } from "@/server/audit";
import { type Actor, authorize, policy } from "@/server/policy";
import { moveStatus } from "./move-status";

/** Hides an article (draft or published) from the library and from new exercises. */
export async function archiveArticle(db: Queryable, actor: Actor, input: { id: string }, now = new Date()) {
  authorize(policy.editsContent(actor));
  return db.transaction(async (tx) => {
    const row = await moveStatus(tx, actor, input.id, ["draft", "published"], "archived", now, () => "This article is already archived.");
    await recordAudit(tx, {
      practiceId: actor.practiceId,
      actorId: actor.userId,
      action: "content.article_archived",
      entityType: "article",
      entityId: row.id,
      metadata: { title: row.title },
    });
    return { id: row.id, status: row.status };
  });
}

/** Brings an archived article back as a draft; it is published again only on purpose. */
export async function restoreArticle(db: Queryable, actor: Actor, input: { id: string }, now = new Date()) {
  authorize(policy.editsContent(actor));
  const row = await moveStatus(db, actor, input.id, ["archived"], "draft", now, () => "Only an archived article can be restored.");
  return { id: row.id, status: row.status };
}
