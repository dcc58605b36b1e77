import "server-only";
import { and, count, eq, ne } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { articles, exercises, practices } from "@/db/schema";
import { NotFoundError } from "@/server/errors";
import { type Actor, authorize, policy } from "@/server/policy";
import { countMembersByRole } from "./users";

export type PracticeOverview = {
  practiceName: string;
  admins: number;
  coaches: number;
  clients: number;
  articles: number;
  exercises: number;
};

/** The admin's home: a handful of counts, four small queries whatever the practice's size. */
export async function getPracticeOverview(db: Queryable, actor: Actor): Promise<PracticeOverview> {
  authorize(policy.managesPractice(actor));
  const [practice] = await db.select({ name: practices.name }).from(practices).where(eq(practices.id, actor.practiceId));
  if (!practice) throw new NotFoundError("Your practice");
  const [members, [articleCount], [exerciseCount]] = await Promise.all([
    countMembersByRole(db, actor.practiceId),
    db
      .select({ n: count() })
      .from(articles)
      .where(and(eq(articles.practiceId, actor.practiceId), ne(articles.status, "archived"))),
    db
      .select({ n: count() })
      .from(exercises)
      .where(and(eq(exercises.practiceId, actor.practiceId), ne(exercises.status, "archived"))),
  ]);
  return {
    practiceName: practice.name,
    admins: members.admin,
    coaches: members.coach,
    clients: members.client,
    articles: articleCount?.n ?? 0,
    exercises: exerciseCount?.n ?? 0,
  };
}
