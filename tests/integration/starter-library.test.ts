import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { articles, auditEvents, exercises, exerciseVersions, programs, programSteps, programVersions } from "@/db/schema";
import { snapshotOf } from "@/server/services/content/article-snapshot";
import { promptListSchema } from "@/server/services/content/prompt-schemas";
import { installStarterLibrary } from "@/server/services/content/starter/install";
import { starterArticles, starterExercises } from "@/server/services/content/starter/library";
import { starterProgram } from "@/server/services/content/starter/program";
// Renamed on import: the helper is not a React hook, but its "use" prefix trips the hooks lint rule.
import { useTestDatabase as openTestDatabase } from "../helpers/test-db";
import { buildWorld } from "../helpers/world";

const handle = await openTestDatabase();
const db = handle.db;
let world: Awaited<ReturnType<typeof buildWorld>>;

beforeAll(async () => {
  world = await buildWorld(db);
});

const contentOf = async (practiceId: string) => ({
  articles: await db.select().from(articles).where(eq(articles.practiceId, practiceId)),
  exercises: await db.select().from(exercises).where(eq(exercises.practiceId, practiceId)),
  versions: await db.select().from(exerciseVersions).where(eq(exerciseVersions.practiceId, practiceId)),
});

describe("a new practice gets the starter library", () => {
  it("with every article published and created by its first admin", async () => {
    const { articles: rows } = await contentOf(world.ids.practiceA);
    expect(rows).toHaveLength(starterArticles.length);
    for (const row of rows) {
      expect(row.status).toBe("published");
      expect(row.publishedAt).toBeInstanceOf(Date);
      expect(row.createdById).toBe(world.ids.admin);
    }
    const byPart = [...rows].sort((a, b) => a.part! - b.part!);
    expect(byPart.map((r) => [r.title, r.series, r.part, r.summary, r.body, r.tags])).toEqual(
      starterArticles.map((a) => [a.title, a.series, a.part, a.summary, a.body, a.tags]),
    );
  });

  it("with every exercise published as version 1, its draft the same as that version", async () => {
    const content = await contentOf(world.ids.practiceA);
    expect(content.exercises).toHaveLength(starterExercises.length);
    expect(content.versions).toHaveLength(starterExercises.length);
    for (const exercise of content.exercises) {
      expect(exercise).toMatchObject({
        status: "published",
        latestVersion: 1,
        hasUnpublishedChanges: false,
        createdById: world.ids.admin,
      });
      const versions = content.versions.filter((v) => v.exerciseId === exercise.id);
      expect(versions).toHaveLength(1);
      const [version] = versions;
      expect(version).toMatchObject({
        version: 1,
        title: exercise.draftTitle,
        instructions: exercise.draftInstructions,
        prompts: exercise.draftPrompts,
        publishedById: world.ids.admin,
      });
      expect(promptListSchema.safeParse(version!.prompts).success).toBe(true);
      const article = content.articles.find((a) => a.id === exercise.articleId)!;
      expect(version!.article).toEqual(snapshotOf(article));
    }
    const expected = starterExercises.map((e) => e.title).sort();
    expect(content.exercises.map((e) => e.draftTitle).sort()).toEqual(expected);
  });

  it("and the publishing is in the audit log", async () => {
    const events = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.practiceId, world.ids.practiceA),
          inArray(auditEvents.action, ["content.article_published", "content.exercise_published"]),
        ),
      );
    expect(events.filter((e) => e.action === "content.article_published")).toHaveLength(starterArticles.length);
    expect(events.filter((e) => e.action === "content.exercise_published")).toHaveLength(starterExercises.length);
    expect(events.every((e) => e.actorId === world.ids.admin)).toBe(true);
  });
});

describe("a new practice gets the starter program", () => {
  it("published as version 1, its steps pinning the practice's own starter exercise versions in order", async () => {
    const [program, ...others] = await db.select().from(programs).where(eq(programs.practiceId, world.ids.practiceA));
    expect(others).toEqual([]);
    expect(program).toMatchObject({ status: "published", latestVersion: 1, hasUnpublishedChanges: false, draftName: starterProgram.name, createdById: world.ids.admin });
    const [version] = await db.select().from(programVersions).where(eq(programVersions.programId, program!.id));
    expect(version).toMatchObject({ version: 1, name: starterProgram.name, description: starterProgram.description, publishedById: world.ids.admin });
    const steps = await db
      .select({ position: programSteps.position, title: exerciseVersions.title, practiceId: exerciseVersions.practiceId, opensOn: programSteps.opensOn })
      .from(programSteps)
      .innerJoin(exerciseVersions, eq(exerciseVersions.id, programSteps.exerciseVersionId))
      .where(eq(programSteps.programVersionId, version!.id))
      .orderBy(programSteps.position);
    expect(steps.map((s) => s.title)).toEqual(starterProgram.steps.map((s) => s.title));
    expect(steps.every((s) => s.practiceId === world.ids.practiceA)).toBe(true);
    expect(steps[0]!.opensOn).toBe("day_offset");
    // The working copy is the published version, so an admin starts editing from it.
    expect(program!.draftSteps.map((s) => s.opensOn)).toEqual(starterProgram.steps.map((s) => s.opensOn));
  });
});

describe("each practice has its own copy", () => {
  it("shares no rows between two practices", async () => {
    const a = await contentOf(world.ids.practiceA);
    const b = await contentOf(world.ids.practiceB);
    expect(b.articles).toHaveLength(starterArticles.length);
    expect(b.exercises).toHaveLength(starterExercises.length);
    expect(b.versions).toHaveLength(starterExercises.length);

    const idsOf = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));
    const overlap = (x: Set<string>, y: Set<string>) => [...x].filter((id) => y.has(id));
    expect(overlap(idsOf(a.articles), idsOf(b.articles))).toEqual([]);
    expect(overlap(idsOf(a.exercises), idsOf(b.exercises))).toEqual([]);
    expect(overlap(idsOf(a.versions), idsOf(b.versions))).toEqual([]);

    // Practice B's exercises and snapshots point only at practice B's articles.
    const bArticles = idsOf(b.articles);
    for (const exercise of b.exercises) expect(bArticles.has(exercise.articleId)).toBe(true);
    for (const version of b.versions) expect(bArticles.has(version.article.articleId)).toBe(true);
    for (const exercise of b.exercises) expect(exercise.createdById).toBe(world.ids.adminB);
  });

  it("lets one practice edit its copy without touching the other's", async () => {
    const [first] = await db.select().from(articles).where(eq(articles.practiceId, world.ids.practiceA)).limit(1);
    await db.update(articles).set({ title: "Edited in practice A" }).where(eq(articles.id, first!.id));
    const b = await contentOf(world.ids.practiceB);
    expect(b.articles.map((a) => a.title)).not.toContain("Edited in practice A");
    expect(b.articles.map((a) => a.title).sort()).toEqual(starterArticles.map((a) => a.title).sort());
  });
});

describe("installing is all or nothing", () => {
  it("writes nothing when the transaction fails part way", async () => {
    const before = await db.$count(articles);
    const failure = new Error("stop here");
    await expect(
      db.transaction(async (tx) => {
        await installStarterLibrary(tx, { practiceId: world.ids.practiceA, adminId: world.ids.admin });
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await db.$count(articles)).toBe(before);
  });
});
