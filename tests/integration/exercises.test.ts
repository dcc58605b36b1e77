import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, exerciseVersions } from "@/db/schema";
import { newPrompt, toDefinitionInput } from "@/components/exercise/prompt-draft";
import { formatError } from "@/server/trpc/init";
import { allPages, articleInput, contentState, exerciseRow, expectCode, longText, sampleBody, scale } from "../helpers/content";
import { useWorld } from "../helpers/use-world";

const { db, world, callers: as } = await useWorld();
let articleId: string;
let draftArticleId: string;
let articleB: string;

beforeAll(async () => {
  articleId = (await as.admin.articles.create(articleInput({ title: "Published base", tags: ["exercise-tests"] }))).id;
  await as.admin.articles.publish({ id: articleId });
  draftArticleId = (await as.admin.articles.create(articleInput({ title: "Draft base", tags: ["exercise-tests"] }))).id;
  articleB = (await as.adminB.articles.create(articleInput({ title: "B's article" }))).id;
});

const others = () => [
  { caller: as.coach, code: "FORBIDDEN" as const },
  { caller: as.client, code: "FORBIDDEN" as const },
  { caller: as.anonymous, code: "UNAUTHORIZED" as const },
];

const issuePaths = (error: { cause?: unknown }) => {
  const cause = error.cause as { issues?: { path: PropertyKey[] }[]; details?: { issues?: { path: string }[] } };
  return [...(cause.issues ?? []).map((i) => i.path.join(".")), ...(cause.details?.issues ?? []).map((i) => i.path)];
};

const newExercise = (overrides: Record<string, unknown> = {}) =>
  as.admin.exercises.create({ articleId, title: "Noticing", instructions: "Take your time.", prompts: [longText("What did you notice?")], ...overrides });

describe("exercises.create", () => {
  it("creates a draft on an article of the practice, with prompts anchored to real sections", async () => {
    const { id } = await newExercise({ prompts: [longText("What did you notice?", "q1", { sectionAnchor: "small-steps" }), scale()] });
    const row = await exerciseRow(db, id);
    expect(row).toMatchObject({ practiceId: world.ids.practiceA, articleId, status: "draft", latestVersion: null, hasUnpublishedChanges: true });
    expect(row!.draftPrompts.map((p) => p.kind)).toEqual(["long_text", "scale"]);
    expect(row!.draftPrompts[0]!.sectionAnchor).toBe("small-steps");
  });

  it("rejects prompts that break the rules, naming the field, and writes nothing", async () => {
    const before = await contentState(db);
    const cases: [unknown[], string][] = [
      [[scale("s1", { min: 5, max: 5 })], "prompts.0.max"],
      [[scale("s1", { min: 0, max: 30 })], "prompts.0.max"],
      [[{ ...longText("Pick one"), kind: "single_choice", options: ["Only one"] }], "prompts.0.options"],
      [[{ ...longText("Pick"), kind: "multiple_choice", options: ["Same", "same"] }], "prompts.0.options"],
      [[{ ...longText("Pick"), kind: "checklist", options: Array.from({ length: 21 }, (_, i) => `Item ${i}`) }], "prompts.0.options"],
      [[longText("A"), longText("B")], "prompts"],
      [[longText("   ")], "prompts.0.label"],
      [[{ ...longText("Odd"), kind: "essay" }], "prompts.0.kind"],
      [[{ ...longText("Extra"), colour: "red" }], "prompts.0"],
      [Array.from({ length: 51 }, (_, i) => longText(`Q${i}?`, `q${i}`)), "prompts"],
    ];
    for (const [prompts, path] of cases) {
      const error = await expectCode(newExercise({ prompts }), "BAD_REQUEST");
      expect(issuePaths(error)).toEqual([path]);
    }
    await expectCode(newExercise({ title: "" }), "BAD_REQUEST");
    await expectCode(newExercise({ articleId: "nope" }), "BAD_REQUEST");
    const anchor = await expectCode(newExercise({ prompts: [longText("Where?", "q1", { sectionAnchor: "no-such-section" })] }), "BAD_REQUEST", /section/);
    expect(issuePaths(anchor)).toEqual(["prompts.0.sectionAnchor"]);
    expect(await contentState(db)).toEqual(before);
  });

  it("can't build on another practice's article or an archived one", async () => {
    const before = await contentState(db);
    await expectCode(newExercise({ articleId: articleB }), "NOT_FOUND");
    const archived = (await as.admin.articles.create(articleInput({ title: "Gone" }))).id;
    await as.admin.articles.archive({ id: archived });
    const mid = await contentState(db);
    await expectCode(newExercise({ articleId: archived }), "CONFLICT", /archived/);
    expect(await contentState(db)).toEqual(mid);
    expect(mid.exercises).toEqual(before.exercises);
  });

  it("is for admins only", async () => {
    const before = await contentState(db);
    for (const { caller, code } of others()) await expectCode(caller.exercises.create({ articleId, title: "No", instructions: "", prompts: [] }), code);
    await expectCode(as.adminB.exercises.create({ articleId, title: "No", instructions: "", prompts: [] }), "NOT_FOUND");
    expect(await contentState(db)).toEqual(before);
  });
});

describe("exercises.get and exercises.updateDraft", () => {
  it("returns the working draft with the article's sections", async () => {
    const { id } = await newExercise();
    const draft = await as.admin.exercises.get({ id });
    expect(draft).toMatchObject({ id, title: "Noticing", instructions: "Take your time.", revision: 1, latestVersion: null });
    expect(draft.article.rendered.sections.map((s) => s.anchor)).toEqual(["noticing-the-pattern", "in-the-body", "small-steps"]);
    await expectCode(as.adminB.exercises.get({ id }), "NOT_FOUND");
    for (const { caller, code } of others()) await expectCode(caller.exercises.get({ id }), code);
    await expectCode(as.admin.exercises.get({ id: "x" }), "BAD_REQUEST");
  });

  it("saves on top of the current revision; a stale one is a conflict that changes nothing", async () => {
    const { id } = await newExercise();
    const saved = await as.admin.exercises.updateDraft({ id, revision: 1, title: "Noticing, again", instructions: "", prompts: [scale()] });
    expect(saved.revision).toBe(2);
    const before = await contentState(db);
    const error = await expectCode(
      as.admin.exercises.updateDraft({ id, revision: 1, title: "Older tab", instructions: "", prompts: [] }),
      "CONFLICT",
      /saved somewhere else/,
    );
    expect((error.cause as { details?: unknown }).details).toEqual({ currentRevision: 2 });
    expect(await contentState(db)).toEqual(before);
  });

  it("judges the builder's drafts as typed, with each issue at the path the builder shows it beside", async () => {
    const { id } = await newExercise();
    const before = await contentState(db);
    const upsideDown = { ...newPrompt("scale", []), label: "How calm?", min: "5", max: "2" };
    const oneOption = { ...newPrompt("single_choice", ["p1"]), label: "Pick", optionsText: "Only one\n\n" };
    const typo = { ...newPrompt("scale", ["p1", "p2"]), label: "Typo", min: "one" };
    const prompts = [upsideDown, oneOption, typo].map(toDefinitionInput) as never;
    const error = await expectCode(as.admin.exercises.updateDraft({ id, revision: 1, title: "T", instructions: "", prompts }), "BAD_REQUEST");
    const issues = formatError({ message: "", code: -32600, data: { code: "BAD_REQUEST", httpStatus: 400 } }, error, true).data.zodIssues ?? [];
    const byPath = Object.fromEntries(issues.map((issue) => [issue.path, issue.message]));
    expect(byPath["prompts.0.max"]).toMatch(/below the highest/);
    expect(byPath["prompts.1.options"]).toMatch(/at least 2/);
    expect(byPath["prompts.2.min"]).toBe("Use a whole number, like 1 or 10.");
    expect(await contentState(db)).toEqual(before);
  });

  it("changes nothing on bad input, a missing section, other roles or another practice", async () => {
    const { id } = await newExercise();
    const before = await contentState(db);
    const base = { id, revision: 1, title: "T", instructions: "" };
    await expectCode(as.admin.exercises.updateDraft({ ...base, prompts: [scale("s1", { min: 3, max: 1 })] }), "BAD_REQUEST");
    await expectCode(as.admin.exercises.updateDraft({ ...base, prompts: [longText("Q?", "q1", { sectionAnchor: "gone" })] }), "BAD_REQUEST", /section/);
    await expectCode(as.admin.exercises.updateDraft({ ...base, instructions: "i".repeat(5001), prompts: [] }), "BAD_REQUEST");
    await expectCode(as.admin.exercises.updateDraft({ ...base, prompts: [], status: "published" } as never), "BAD_REQUEST");
    await expectCode(as.adminB.exercises.updateDraft({ ...base, prompts: [] }), "NOT_FOUND");
    for (const { caller, code } of others()) await expectCode(caller.exercises.updateDraft({ ...base, prompts: [] }), code);
    expect(await contentState(db)).toEqual(before);
  });
});

describe("publishing and versions", () => {
  it("publishes immutable, numbered versions; editing works on the draft", async () => {
    const { id } = await newExercise({ prompts: [longText("First question?"), scale()] });
    const v1 = await as.admin.exercises.publish({ id });
    expect(v1.version).toBe(1);
    expect(await exerciseRow(db, id)).toMatchObject({ status: "published", latestVersion: 1, hasUnpublishedChanges: false });
    const audit = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "content.exercise_published")));
    expect(audit.map((e) => e.metadata)).toEqual([expect.objectContaining({ version: 1 })]);

    // Nothing changed since version 1: nothing to publish.
    await expectCode(as.admin.exercises.publish({ id }), "CONFLICT", /Nothing has changed since version 1/);

    const [version1Before] = await db.select().from(exerciseVersions).where(eq(exerciseVersions.id, v1.versionId));
    const draft = await as.admin.exercises.get({ id });
    const saved = await as.admin.exercises.updateDraft({
      id,
      revision: draft.revision,
      title: "Noticing, revised",
      instructions: "New words.",
      prompts: [scale(), longText("A different question?", "q9")],
    });
    expect(saved.hasUnpublishedChanges).toBe(true);
    const [version1After] = await db.select().from(exerciseVersions).where(eq(exerciseVersions.id, v1.versionId));
    expect(version1After).toEqual(version1Before);

    // Saving the draft back to what version 1 says clears "unpublished changes".
    const back = await as.admin.exercises.updateDraft({
      id,
      revision: saved.revision,
      title: "Noticing",
      instructions: "Take your time.",
      prompts: [longText("First question?"), scale()],
    });
    expect(back.hasUnpublishedChanges).toBe(false);
    await as.admin.exercises.updateDraft({ id, revision: back.revision, title: "Noticing, revised", instructions: "", prompts: [scale()] });

    const v2 = await as.admin.exercises.publish({ id });
    expect(v2.version).toBe(2);
    const version1 = await as.admin.exercises.version({ id, version: 1 });
    expect(version1).toMatchObject({ title: "Noticing", instructions: "Take your time.", promptCount: 2 });
    expect(version1.article).toMatchObject({ articleId, title: "Published base", body: sampleBody });
    const version2 = await as.admin.exercises.version({ id, version: 2 });
    expect(version2.prompts.map((p) => p.kind)).toEqual(["scale"]);
  });

  it("is protected by the database itself: a version row can't be updated or deleted", async () => {
    const { id } = await newExercise();
    const { versionId } = await as.admin.exercises.publish({ id });
    await expect(db.update(exerciseVersions).set({ title: "Rewritten" }).where(eq(exerciseVersions.id, versionId))).rejects.toThrow();
    await expect(db.delete(exerciseVersions).where(eq(exerciseVersions.id, versionId))).rejects.toThrow();
    const [row] = await db.select().from(exerciseVersions).where(eq(exerciseVersions.id, versionId));
    expect(row!.title).toBe("Noticing");
  });

  it("publishes again when only the article changed, carrying its new text", async () => {
    const base = (await as.admin.articles.create(articleInput({ title: "Changing base" }))).id;
    await as.admin.articles.publish({ id: base });
    const { id } = await newExercise({ articleId: base });
    await as.admin.exercises.publish({ id });
    const article = await as.admin.articles.get({ id: base });
    await as.admin.articles.update({ ...articleInput({ title: "Changing base", body: `${sampleBody}\n\nOne more line.` }), id: base, revision: article.revision });
    expect((await as.admin.exercises.get({ id })).articleChangedSinceLatest).toBe(true);
    const v2 = await as.admin.exercises.publish({ id });
    expect(v2.version).toBe(2);
    expect((await as.admin.exercises.version({ id, version: 2 })).article.body).toMatch(/One more line\./);
    expect((await as.admin.exercises.version({ id, version: 1 })).article.body).not.toMatch(/One more line\./);
  });

  it("refuses to publish with no prompts, on a draft article, from a stale revision, or for others", async () => {
    const empty = (await newExercise({ prompts: [] })).id;
    const onDraft = (await newExercise({ articleId: draftArticleId })).id;
    const stale = (await newExercise()).id;
    await as.admin.exercises.updateDraft({ id: stale, revision: 1, title: "Moved on", instructions: "", prompts: [scale()] });
    const before = await contentState(db);
    await expectCode(as.admin.exercises.publish({ id: empty }), "BAD_REQUEST", /at least one prompt/);
    await expectCode(as.admin.exercises.publish({ id: onDraft }), "CONFLICT", /Publish the article first/);
    await expectCode(as.admin.exercises.publish({ id: stale, revision: 1 }), "CONFLICT");
    await expectCode(as.adminB.exercises.publish({ id: stale }), "NOT_FOUND");
    for (const { caller, code } of others()) await expectCode(caller.exercises.publish({ id: stale }), code);
    await expectCode(as.admin.exercises.publish({ id: "x" }), "BAD_REQUEST");
    expect(await contentState(db)).toEqual(before);
  });

  it("lists versions newest first, page by page, for admins of the practice only", async () => {
    const { id } = await newExercise();
    for (let n = 1; n <= 5; n++) {
      if (n > 1) {
        const draft = await as.admin.exercises.get({ id });
        await as.admin.exercises.updateDraft({ id, revision: draft.revision, title: `Noticing ${n}`, instructions: "", prompts: [scale()] });
      }
      await as.admin.exercises.publish({ id });
    }
    const rows = await allPages((cursor) => as.admin.exercises.versions({ id, limit: 2, cursor }));
    expect(rows.map((v) => v.version)).toEqual([5, 4, 3, 2, 1]);
    expect(rows[0]).toMatchObject({ title: "Noticing 5", promptCount: 1, publishedByName: "Admin A" });
    await expectCode(as.adminB.exercises.versions({ id, limit: 5 }), "NOT_FOUND");
    await expectCode(as.adminB.exercises.version({ id, version: 1 }), "NOT_FOUND");
    await expectCode(as.admin.exercises.version({ id, version: 6 }), "NOT_FOUND");
    await expectCode(as.admin.exercises.version({ id, version: 0 }), "BAD_REQUEST");
    for (const { caller, code } of others()) {
      await expectCode(caller.exercises.versions({ id, limit: 5 }), code);
      await expectCode(caller.exercises.version({ id, version: 1 }), code);
    }
  });
});

describe("exercises.archive and restore", () => {
  it("archives and restores: published again when it has versions, a draft otherwise", async () => {
    const published = (await newExercise()).id;
    await as.admin.exercises.publish({ id: published });
    const draft = (await newExercise()).id;
    expect(await as.admin.exercises.archive({ id: published })).toEqual({ id: published, status: "archived" });
    await expectCode(as.admin.exercises.archive({ id: published }), "CONFLICT");
    await expectCode(as.admin.exercises.updateDraft({ id: published, revision: 1, title: "x", instructions: "", prompts: [] }), "CONFLICT", /archived/);
    await expectCode(as.admin.exercises.publish({ id: published }), "CONFLICT", /archived/);
    expect(await as.admin.exercises.restore({ id: published })).toEqual({ id: published, status: "published" });
    await as.admin.exercises.archive({ id: draft });
    expect(await as.admin.exercises.restore({ id: draft })).toEqual({ id: draft, status: "draft" });
    await expectCode(as.admin.exercises.restore({ id: draft }), "CONFLICT");
    const trail = await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, published));
    expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(["content.exercise_archived", "content.exercise_restored"]));
  });

  it("changes nothing for other roles or another practice", async () => {
    const id = (await newExercise()).id;
    const before = await contentState(db);
    for (const action of ["archive", "restore"] as const) {
      await expectCode(as.adminB.exercises[action]({ id }), "NOT_FOUND");
      for (const { caller, code } of others()) await expectCode(caller.exercises[action]({ id }), code);
    }
    expect(await contentState(db)).toEqual(before);
  });
});

describe("exercises.list and exercises.suggestions", () => {
  it("pages through the practice's exercises once each, with filters", async () => {
    const listBase = (await as.admin.articles.create(articleInput({ title: "List base" }))).id;
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await newExercise({ articleId: listBase, title: `Listed exercise ${i}` })).id);
    const rows = await allPages((cursor) => as.admin.exercises.list({ articleId: listBase, limit: 2, cursor }));
    expect(rows).toHaveLength(5);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(made));
    expect(rows[0]).toMatchObject({ articleTitle: "List base", promptCount: 1, status: "draft" });
    const [listedArticle] = (await as.admin.articles.list({ q: "List base", limit: 5 })).items;
    expect(listedArticle).toMatchObject({ id: listBase, exerciseCount: 5 });
    const searched = await as.admin.exercises.list({ q: "exercise 3", limit: 20 });
    expect(searched.items.map((r) => r.id)).toEqual([made[3]]);
    const all = await allPages((cursor) => as.admin.exercises.list({ limit: 100, cursor }));
    const inB = await allPages((cursor) => as.adminB.exercises.list({ limit: 100, cursor }));
    expect(all.some((r) => inB.some((b) => b.id === r.id))).toBe(false);
    const published = await as.admin.exercises.list({ status: "published", limit: 100 });
    expect(published.items.every((r) => r.status === "published")).toBe(true);
    for (const { caller, code } of others()) await expectCode(caller.exercises.list({ limit: 5 }), code);
    await expectCode(as.admin.exercises.list({ limit: 500 }), "BAD_REQUEST");
  });

  it("suggests the article's questions as prompts", async () => {
    const { questions } = await as.admin.exercises.suggestions({ articleId });
    expect(questions).toEqual(["What do you notice first when you feel unsettled?", "Which small step feels possible this week?"]);
    await expectCode(as.adminB.exercises.suggestions({ articleId }), "NOT_FOUND");
    for (const { caller, code } of others()) await expectCode(caller.exercises.suggestions({ articleId }), code);
    await expectCode(as.admin.exercises.suggestions({ articleId: "x" }), "BAD_REQUEST");
  });
});
