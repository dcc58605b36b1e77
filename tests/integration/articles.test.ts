import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { articles, auditEvents, exercises } from "@/db/schema";
import { allPages, articleInput, articleRow, contentState, expectCode, sampleBody } from "../helpers/content";
import { useWorld } from "../helpers/use-world";

const { db, world, callers: as } = await useWorld();

const others = () => [
  { who: "coach", caller: as.coach, code: "FORBIDDEN" as const },
  { who: "client", caller: as.client, code: "FORBIDDEN" as const },
  { who: "anonymous", caller: as.anonymous, code: "UNAUTHORIZED" as const },
];

const b64 = (text: string | Uint8Array) => Buffer.from(text).toString("base64");

describe("articles.create", () => {
  it("saves a draft in the admin's practice", async () => {
    const created = await as.admin.articles.create(articleInput({ series: "  Steady  ground ", part: 1, tags: ["Trust", "trust ", "calm"] }));
    const row = await articleRow(db, created.id);
    expect(row).toMatchObject({
      practiceId: world.ids.practiceA,
      status: "draft",
      title: "Finding steady ground",
      series: "Steady ground",
      part: 1,
      tags: ["trust", "calm"],
      revision: 1,
      createdById: world.ids.admin,
    });
  });

  it("is refused to coaches, clients and anonymous visitors, and writes nothing", async () => {
    const before = await contentState(db);
    for (const { caller, code } of others()) await expectCode(caller.articles.create(articleInput()), code);
    expect(await contentState(db)).toEqual(before);
  });

  it("rejects bad input with a clear error and writes nothing", async () => {
    const before = await contentState(db);
    const cases: [Record<string, unknown>, string][] = [
      [articleInput({ title: "   " }), "title"],
      [articleInput({ title: "x".repeat(201) }), "title"],
      [articleInput({ body: "y".repeat(200 * 1024 + 1) }), "body"],
      [articleInput({ tags: Array.from({ length: 21 }, (_, i) => `tag${i}`) }), "tags"],
      [articleInput({ tags: ["z".repeat(41)] }), "tags.0"],
      [articleInput({ part: 2 }), "part"],
      [articleInput({ series: "S", part: 0 }), "part"],
      [articleInput({ series: "S", part: 1.5 }), "part"],
      [articleInput({ summary: "s".repeat(1001) }), "summary"],
    ];
    for (const [input, path] of cases) {
      const error = await expectCode(as.admin.articles.create(input as never), "BAD_REQUEST");
      const issues = (error.cause as { issues?: { path: PropertyKey[]; message: string }[] }).issues ?? [];
      expect(issues.map((i) => i.path.join("."))).toContain(path);
    }
    await expectCode(as.admin.articles.create({ ...articleInput(), status: "published" } as never), "BAD_REQUEST");
    expect(await contentState(db)).toEqual(before);
  });
});

describe("articles.get", () => {
  let id: string;
  beforeAll(async () => {
    id = (await as.admin.articles.create(articleInput({ title: "Sections article" }))).id;
  });

  it("returns the article with its sections for the admin", async () => {
    const article = await as.admin.articles.get({ id });
    expect(article.title).toBe("Sections article");
    expect(article.rendered.sections.map(({ anchor, title, level }) => ({ anchor, title, level }))).toEqual([
      { anchor: "noticing-the-pattern", title: "Noticing the pattern", level: 1 },
      { anchor: "in-the-body", title: "In the body", level: 2 },
      { anchor: "small-steps", title: "Small steps", level: 1 },
    ]);
  });

  it("keeps every other section's anchor when one section is edited", async () => {
    const article = await as.admin.articles.get({ id });
    const edited = sampleBody
      .replace("## In the body", "## Where it shows up in the body")
      .replace("Which small step", "Is there a smaller step, and which step");
    await as.admin.articles.update({ ...articleInput({ title: article.title, body: edited }), id, revision: article.revision });
    const after = await as.admin.articles.get({ id });
    expect(after.rendered.sections.map((s) => s.anchor)).toEqual(["noticing-the-pattern", "where-it-shows-up-in-the-body", "small-steps"]);
  });

  it("is not found for another practice's admin, refused to others, and checks its input", async () => {
    await expectCode(as.adminB.articles.get({ id }), "NOT_FOUND");
    for (const { caller, code } of others()) await expectCode(caller.articles.get({ id }), code);
    await expectCode(as.admin.articles.get({ id: "not-a-uuid" }), "BAD_REQUEST");
    await expectCode(as.admin.articles.get({ id: crypto.randomUUID() }), "NOT_FOUND");
  });
});

describe("articles.update", () => {
  it("saves on top of the current revision and bumps it", async () => {
    const { id, revision } = await as.admin.articles.create(articleInput({ title: "Before" }));
    const saved = await as.admin.articles.update({ ...articleInput({ title: "After", series: "Steady ground", part: 2 }), id, revision });
    expect(saved.revision).toBe(revision + 1);
    expect(await articleRow(db, id)).toMatchObject({ title: "After", series: "Steady ground", part: 2, revision: 2 });
  });

  it("refuses a stale revision with a clear conflict and keeps the newer text", async () => {
    const { id, revision } = await as.admin.articles.create(articleInput({ title: "Shared" }));
    await as.admin.articles.update({ ...articleInput({ title: "First tab" }), id, revision });
    const before = await contentState(db);
    const error = await expectCode(
      as.admin.articles.update({ ...articleInput({ title: "Second tab" }), id, revision }),
      "CONFLICT",
      /saved this article after you opened it/,
    );
    expect((error.cause as { details?: unknown }).details).toEqual({ currentRevision: 2 });
    expect(await contentState(db)).toEqual(before);
    expect((await articleRow(db, id))!.title).toBe("First tab");
  });

  it("changes nothing for other roles, another practice, or bad input", async () => {
    const { id, revision } = await as.admin.articles.create(articleInput({ title: "Untouched" }));
    const before = await contentState(db);
    await expectCode(as.adminB.articles.update({ ...articleInput({ title: "Taken" }), id, revision }), "NOT_FOUND");
    for (const { caller, code } of others()) await expectCode(caller.articles.update({ ...articleInput(), id, revision }), code);
    await expectCode(as.admin.articles.update({ ...articleInput({ title: "" }), id, revision }), "BAD_REQUEST");
    await expectCode(as.admin.articles.update({ ...articleInput(), id, revision: 0 }), "BAD_REQUEST");
    await expectCode(as.admin.articles.update({ ...articleInput(), id, revision, practiceId: world.ids.practiceB } as never), "BAD_REQUEST");
    expect(await contentState(db)).toEqual(before);
  });

  it("refuses to edit an archived article until it is restored", async () => {
    const { id } = await as.admin.articles.create(articleInput({ title: "Archived one" }));
    await as.admin.articles.archive({ id });
    const before = await contentState(db);
    await expectCode(as.admin.articles.update({ ...articleInput(), id, revision: 1 }), "CONFLICT", /archived/);
    expect(await contentState(db)).toEqual(before);
  });
});

describe("articles.publish, archive and restore", () => {
  it("publishes a draft, leaving a trace in the audit log", async () => {
    const { id } = await as.admin.articles.create(articleInput({ title: "To publish" }));
    const result = await as.admin.articles.publish({ id });
    expect(result).toEqual({ id, status: "published" });
    const row = await articleRow(db, id);
    expect(row!.publishedAt).toBeInstanceOf(Date);
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "content.article_published")));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: world.ids.admin, practiceId: world.ids.practiceA });
    await expectCode(as.admin.articles.publish({ id }), "CONFLICT", /already published/);
  });

  it("refuses to publish an article with no text", async () => {
    const { id } = await as.admin.articles.create(articleInput({ title: "Empty", body: "   " }));
    const before = await contentState(db);
    await expectCode(as.admin.articles.publish({ id }), "BAD_REQUEST", /no text yet/);
    expect(await contentState(db)).toEqual(before);
  });

  it("archives (with an audit event) and restores as a draft", async () => {
    const { id } = await as.admin.articles.create(articleInput({ title: "Round trip" }));
    await as.admin.articles.publish({ id });
    expect(await as.admin.articles.archive({ id })).toEqual({ id, status: "archived" });
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "content.article_archived")));
    expect(events).toHaveLength(1);
    await expectCode(as.admin.articles.archive({ id }), "CONFLICT");
    await expectCode(as.admin.articles.publish({ id }), "CONFLICT", /Restore it/);
    expect(await as.admin.articles.restore({ id })).toEqual({ id, status: "draft" });
    await expectCode(as.admin.articles.restore({ id }), "CONFLICT");
  });

  it("changes nothing for other roles or another practice's admin", async () => {
    const { id } = await as.admin.articles.create(articleInput({ title: "Guarded" }));
    const before = await contentState(db);
    for (const action of ["publish", "archive", "restore"] as const) {
      await expectCode(as.adminB.articles[action]({ id }), "NOT_FOUND");
      for (const { caller, code } of others()) await expectCode(caller.articles[action]({ id }), code);
      await expectCode(as.admin.articles[action]({ id: "nope" }), "BAD_REQUEST");
    }
    expect(await contentState(db)).toEqual(before);
  });
});

describe("articles.list and articles.series", () => {
  const tag = "pagination-check";
  const ids: string[] = [];
  beforeAll(async () => {
    for (let i = 1; i <= 7; i++) {
      const { id } = await as.admin.articles.create(
        articleInput({ title: `Listed ${i}`, tags: [tag], series: "Counting series", part: 8 - i, body: `Body number ${i} about gardens.` }),
      );
      ids.push(id);
    }
    // Timestamps have millisecond precision: make sure the status changes are strictly newer.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await as.admin.articles.publish({ id: ids[0]! });
    await as.admin.articles.archive({ id: ids[1]! });
    await as.adminB.articles.create(articleInput({ title: "Listed in B", tags: [tag] }));
  });

  it("pages through every row exactly once, newest first", async () => {
    const rows = await allPages((cursor) => as.admin.articles.list({ tag, limit: 3, cursor }));
    expect(rows).toHaveLength(7);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(ids));
    // Newest first; rows saved in the same millisecond fall back to id order.
    const expected = [...rows].sort((x, y) => y.updatedAt.getTime() - x.updatedAt.getTime() || (x.id < y.id ? 1 : -1));
    expect(rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    // Publishing and archiving count as updates, so those two come first.
    expect(new Set(rows.slice(0, 2).map((r) => r.id))).toEqual(new Set([ids[0], ids[1]]));
  });

  it("orders a series by part, page by page", async () => {
    const rows = await allPages((cursor) => as.admin.articles.list({ series: "Counting series", limit: 2, cursor }));
    expect(rows.map((r) => r.part)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(rows.map((r) => r.id)).size).toBe(7);
  });

  it("filters by status and tag, and never shows another practice", async () => {
    const published = await as.admin.articles.list({ tag, status: "published", limit: 50 });
    expect(published.items.map((r) => r.id)).toEqual([ids[0]]);
    const archived = await as.admin.articles.list({ tag, status: "archived", limit: 50 });
    expect(archived.items.map((r) => r.id)).toEqual([ids[1]]);
    const everything = await allPages((cursor) => as.admin.articles.list({ limit: 100, cursor }));
    const practiceOf = await db.select({ id: articles.id, practiceId: articles.practiceId }).from(articles);
    const inA = new Set(practiceOf.filter((r) => r.practiceId === world.ids.practiceA).map((r) => r.id));
    expect(everything.every((r) => inA.has(r.id))).toBe(true);
    expect(everything.length).toBe(inA.size);
  });

  it("searches the text (with stemming) and the title (literally)", async () => {
    const byBody = await as.admin.articles.list({ q: "garden", tag, limit: 50 });
    expect(byBody.items).toHaveLength(7);
    const byTitle = await as.admin.articles.list({ q: "Listed 3", limit: 50 });
    expect(byTitle.items.map((r) => r.id)).toContain(ids[2]);
    const { id } = await as.admin.articles.create(articleInput({ title: "Giving 100% of nothing_special", body: "Plain words." }));
    const literal = await as.admin.articles.list({ q: "100%", limit: 50 });
    expect(literal.items.map((r) => r.id)).toEqual([id]);
    const underscore = await as.admin.articles.list({ q: "g_ving", limit: 50 });
    expect(underscore.items).toHaveLength(0);
  });

  it("lists series with their parts in reading order", async () => {
    const series = await as.admin.articles.series();
    const counting = series.find((s) => s.series === "Counting series");
    // The archived part is left out of the overview.
    expect(counting!.parts.map((p) => p.part)).toEqual([1, 2, 3, 4, 5, 7]);
    const seriesB = await as.adminB.articles.series();
    expect(seriesB.find((s) => s.series === "Counting series")).toBeUndefined();
  });

  it("is refused to other roles and checks its input", async () => {
    for (const { caller, code } of others()) {
      await expectCode(caller.articles.list({ limit: 10 }), code);
      await expectCode(caller.articles.series(), code);
    }
    await expectCode(as.admin.articles.list({ limit: 0 }), "BAD_REQUEST");
    await expectCode(as.admin.articles.list({ limit: 10, q: "q".repeat(201) }), "BAD_REQUEST");
    await expectCode(as.admin.articles.list({ limit: 10, status: "gone" as never }), "BAD_REQUEST");
    await expectCode(as.admin.articles.list({ limit: 10, sort: "title" } as never), "BAD_REQUEST");
  });
});

describe("articles.importPreview", () => {
  const doc = [
    "Steady Ground ~ Part 3: Listening Inward",
    "",
    "Some days feel loud. This part is about hearing yourself again.",
    "",
    "What helps you slow down?",
    "",
    "• Walking without a destination",
    "• Writing a few lines before bed",
  ].join("\n");

  it("turns pasted text into a draft with suggested questions, saving nothing", async () => {
    const before = await contentState(db);
    const draft = await as.admin.articles.importPreview({ text: doc });
    expect(draft.title).toMatch(/Listening Inward/);
    expect(draft.part).toBe(3);
    expect(draft.suggestedPrompts).toContain("What helps you slow down?");
    expect(draft.body).toMatch(/^[-*] Walking without a destination$/m);
    expect(await contentState(db)).toEqual(before);
  });

  it("reads an uploaded .md or .txt file (BOM and CRLF included)", async () => {
    const draft = await as.admin.articles.importPreview({ fileName: "steady.txt", contentBase64: b64(`\uFEFF${doc.replace(/\n/g, "\r\n")}`) });
    expect(draft.suggestedPrompts).toContain("What helps you slow down?");
    expect(draft.body).not.toMatch(/\r/);
    const md = await as.admin.articles.importPreview({ fileName: "notes.md", contentBase64: b64("# Notes\n\nAre you resting enough?") });
    expect(md.suggestedPrompts).toEqual(["Are you resting enough?"]);
  });

  it("gives a clear error for the wrong kind of file, too much text, bad encoding or nothing at all", async () => {
    const before = await contentState(db);
    await expectCode(as.admin.articles.importPreview({ fileName: "report.pdf", contentBase64: b64("%PDF-1.4") }), "BAD_REQUEST", /\.txt|\.md/);
    await expectCode(as.admin.articles.importPreview({ fileName: "latin1.txt", contentBase64: b64(new Uint8Array([0x63, 0x61, 0x66, 0xe9])) }), "BAD_REQUEST", /UTF-8/);
    await expectCode(as.admin.articles.importPreview({ fileName: "empty.txt", contentBase64: "" }), "BAD_REQUEST");
    await expectCode(as.admin.articles.importPreview({ text: "   \n  " }), "BAD_REQUEST", /no text/);
    // Too big is refused before anything is decoded: by the input check, whatever the bytes are.
    const big = await expectCode(as.admin.articles.importPreview({ fileName: "big.txt", contentBase64: "A".repeat(300_000) }), "BAD_REQUEST");
    expect(JSON.stringify((big.cause as unknown as { issues: unknown }).issues)).toMatch(/200 KB/);
    await expectCode(as.admin.articles.importPreview({ text: "é".repeat(110 * 1024) }), "BAD_REQUEST", /200 KB/);
    await expectCode(as.admin.articles.importPreview({ fileName: "x.txt", contentBase64: "not base64!" }), "BAD_REQUEST");
    await expectCode(as.admin.articles.importPreview({ text: "a", fileName: "a.txt", contentBase64: b64("a") }), "BAD_REQUEST");
    await expectCode(as.admin.articles.importPreview({} as never), "BAD_REQUEST");
    expect(await contentState(db)).toEqual(before);
  });

  it("is for admins only", async () => {
    for (const { caller, code } of others()) await expectCode(caller.articles.importPreview({ text: doc }), code);
    // Another practice's admin may import into their own practice: it saves nothing anywhere.
    expect((await as.adminB.articles.importPreview({ text: doc })).suggestedPrompts.length).toBeGreaterThan(0);
  });
});

describe("articles.saveImport", () => {
  it("saves the reviewed article and an exercise from the picked questions, together", async () => {
    const result = await as.admin.articles.saveImport({
      article: articleInput({ title: "Imported and fixed", series: "Steady ground", part: 3 }),
      exercise: { title: "Listening inward", questions: ["What helps you slow down?", "When did you last rest?"] },
    });
    expect(await articleRow(db, result.articleId)).toMatchObject({ title: "Imported and fixed", status: "draft", part: 3 });
    const [exercise] = await db.select().from(exercises).where(eq(exercises.id, result.exerciseId!));
    expect(exercise).toMatchObject({ articleId: result.articleId, draftTitle: "Listening inward", status: "draft", latestVersion: null });
    expect(exercise!.draftPrompts.map((p) => [p.kind, p.label])).toEqual([
      ["long_text", "What helps you slow down?"],
      ["long_text", "When did you last rest?"],
    ]);
  });

  it("saves into the importing admin's own practice", async () => {
    const result = await as.adminB.articles.saveImport({ article: articleInput({ title: "B imports" }), exercise: null });
    expect((await articleRow(db, result.articleId))!.practiceId).toBe(world.ids.practiceB);
    await expectCode(as.admin.articles.get({ id: result.articleId }), "NOT_FOUND");
  });

  it("can save just the article", async () => {
    const result = await as.admin.articles.saveImport({ article: articleInput({ title: "Only the article" }), exercise: null });
    expect(result.exerciseId).toBeNull();
    expect((await articleRow(db, result.articleId))!.title).toBe("Only the article");
  });

  it("saves nothing when any part is wrong, and is for admins only", async () => {
    const before = await contentState(db);
    const good = { article: articleInput(), exercise: { title: "Fine", questions: ["Is this fine?"] } };
    await expectCode(as.admin.articles.saveImport({ ...good, exercise: { title: "Fine", questions: [] } }), "BAD_REQUEST");
    await expectCode(as.admin.articles.saveImport({ ...good, exercise: { title: "", questions: ["Ok?"] } }), "BAD_REQUEST");
    await expectCode(as.admin.articles.saveImport({ ...good, exercise: { title: "Fine", questions: ["q".repeat(501)] } }), "BAD_REQUEST");
    await expectCode(as.admin.articles.saveImport({ ...good, article: articleInput({ title: "" }) }), "BAD_REQUEST");
    for (const { caller, code } of others()) await expectCode(caller.articles.saveImport(good), code);
    expect(await contentState(db)).toEqual(before);
  });
});
