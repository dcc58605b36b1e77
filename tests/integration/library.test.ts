import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ExercisePreview } from "@/components/exercise/exercise-preview";
import { PromptField } from "@/components/exercise/prompt-field";
import { ArticleView } from "@/components/markdown/article-view";
import { emptyAnswerFor, type PromptDefinition } from "@/lib/content/prompts";
import { allPages, articleInput, expectCode, longText, scale } from "../helpers/content";
import { attribute, elements, executableMarkup, visibleText } from "../unit/html-safety";
import { useWorld } from "../helpers/use-world";

const { callers: as } = await useWorld();

const ids = {} as Record<
  "published" | "draft" | "archived" | "partOne" | "partTwo" | "articleB" | "exercise" | "draftExercise" | "archivedExercise" | "onArchived" | "exerciseB",
  string
>;

beforeAll(async () => {
  const make = async (title: string, extra: Record<string, unknown> = {}, publish = true) => {
    const { id } = await as.admin.articles.create(articleInput({ title, tags: ["library-tests"], ...extra }));
    if (publish) await as.admin.articles.publish({ id });
    return id;
  };
  ids.published = await make("Published for coaches", { body: "# Calm\n\nWords about harbours and tides." });
  ids.draft = await make("Still a draft", { body: "Harbours in a draft." }, false);
  ids.archived = await make("Put away", { body: "Harbours, archived." });
  // Part 2 is created first: reading order comes from the part number, not from when it was written.
  ids.partTwo = await make("Second part", { series: "Tide series", part: 2 });
  ids.partOne = await make("First part", { series: "Tide series", part: 1 });
  ids.articleB = (await as.adminB.articles.create(articleInput({ title: "Harbours in B", tags: ["library-tests"] }))).id;
  await as.adminB.articles.publish({ id: ids.articleB });

  const exercise = async (articleId: string, title: string, publish: boolean) => {
    const { id } = await as.admin.exercises.create({ articleId, title, instructions: "Go gently.", prompts: [longText("What do you notice?"), scale()] });
    if (publish) await as.admin.exercises.publish({ id });
    return id;
  };
  ids.exercise = await exercise(ids.published, "Harbour reflection", true);
  ids.draftExercise = await exercise(ids.published, "Unfinished harbour", false);
  ids.archivedExercise = await exercise(ids.published, "Retired harbour", true);
  await as.admin.exercises.archive({ id: ids.archivedExercise });
  ids.onArchived = await exercise(ids.archived, "Harbour on a shelf", true);
  await as.admin.articles.archive({ id: ids.archived });
  const b = await as.adminB.exercises.create({ articleId: ids.articleB, title: "B harbour", instructions: "", prompts: [scale()] });
  await as.adminB.exercises.publish({ id: b.id });
  ids.exerciseB = b.id;
});

const barred = () => [
  { caller: as.client, code: "FORBIDDEN" as const },
  { caller: as.clientB, code: "FORBIDDEN" as const },
  { caller: as.anonymous, code: "UNAUTHORIZED" as const },
];

describe("library.articles", () => {
  it("shows coaches and admins only the published articles of their own practice", async () => {
    for (const caller of [as.coach, as.otherCoach, as.admin]) {
      const rows = await allPages((cursor) => caller.library.articles({ tag: "library-tests", limit: 2, cursor }));
      expect(new Set(rows.map((r) => r.id))).toEqual(new Set([ids.published, ids.partOne, ids.partTwo]));
      expect(rows).toHaveLength(3);
    }
    const inB = await as.coachB.library.articles({ tag: "library-tests", limit: 50 });
    expect(inB.items.map((r) => r.id)).toEqual([ids.articleB]);
  });

  it("searches titles and text, and reads a series in part order", async () => {
    const found = await as.coach.library.articles({ q: "harbours", limit: 50 });
    expect(found.items.map((r) => r.id)).toEqual([ids.published]);
    const series = await allPages((cursor) => as.coach.library.articles({ series: "Tide series", limit: 1, cursor }));
    expect(series.map((r) => [r.part, r.title])).toEqual([
      [1, "First part"],
      [2, "Second part"],
    ]);
    expect(series[0]).toEqual(expect.objectContaining({ series: "Tide series", tags: ["library-tests"], publishedAt: expect.any(Date) }));
  });

  it("is closed to clients and anonymous visitors, and checks its input", async () => {
    for (const { caller, code } of barred()) await expectCode(caller.library.articles({ limit: 5 }), code);
    await expectCode(as.coach.library.articles({ limit: 5, q: "x".repeat(201) }), "BAD_REQUEST");
    await expectCode(as.coach.library.articles({ limit: 5, status: "draft" } as never), "BAD_REQUEST");
  });
});

describe("library.article", () => {
  it("gives the published article with its sections and published exercises", async () => {
    const article = await as.coach.library.article({ id: ids.published });
    expect(article).toMatchObject({ title: "Published for coaches", rendered: { sections: [{ anchor: "calm", title: "Calm", level: 1 }] } });
    expect(article.exercises.map((e) => e.id)).toEqual([ids.exercise]);
  });

  it("finds no drafts, archived articles or another practice's articles, whoever asks", async () => {
    for (const caller of [as.coach, as.admin]) {
      await expectCode(caller.library.article({ id: ids.draft }), "NOT_FOUND");
      await expectCode(caller.library.article({ id: ids.archived }), "NOT_FOUND");
      await expectCode(caller.library.article({ id: ids.articleB }), "NOT_FOUND");
    }
    await expectCode(as.adminB.library.article({ id: ids.published }), "NOT_FOUND");
    for (const { caller, code } of barred()) await expectCode(caller.library.article({ id: ids.published }), code);
    await expectCode(as.coach.library.article({ id: "x" }), "BAD_REQUEST");
  });
});

describe("library.exercises and library.exercise", () => {
  it("lists published exercises on published articles only, as their latest version reads", async () => {
    const rows = await allPages((cursor) => as.coach.library.exercises({ q: "harbour", limit: 1, cursor }));
    expect(rows.map((r) => r.id)).toEqual([ids.exercise]);
    expect(rows[0]).toMatchObject({ title: "Harbour reflection", articleId: ids.published, articleTitle: "Published for coaches", promptCount: 2, latestVersion: 1 });
    const byArticle = await as.coach.library.exercises({ articleId: ids.published, limit: 10 });
    expect(byArticle.items.map((r) => r.id)).toEqual([ids.exercise]);
    const inB = await as.coachB.library.exercises({ q: "harbour", limit: 10 });
    expect(inB.items.map((r) => r.id)).toEqual([ids.exerciseB]);
  });

  it("keeps showing the published version while the draft is being edited", async () => {
    const draft = await as.admin.exercises.get({ id: ids.exercise });
    await as.admin.exercises.updateDraft({ id: ids.exercise, revision: draft.revision, title: "Draft-only title", instructions: "Not yet.", prompts: [scale()] });
    const listed = await as.coach.library.exercises({ articleId: ids.published, limit: 10 });
    expect(listed.items[0]!.title).toBe("Harbour reflection");
    const shown = await as.coach.library.exercise({ id: ids.exercise });
    expect(shown).toMatchObject({ title: "Harbour reflection", instructions: "Go gently.", version: 1 });
    expect(shown.prompts).toHaveLength(2);
    expect(shown.article).toMatchObject({ articleId: ids.published, title: "Published for coaches" });
  });

  it("finds no draft, archived, orphaned or foreign exercise, and is closed to clients", async () => {
    for (const id of [ids.draftExercise, ids.archivedExercise, ids.onArchived, ids.exerciseB]) {
      await expectCode(as.coach.library.exercise({ id }), "NOT_FOUND");
    }
    await expectCode(as.adminB.library.exercise({ id: ids.exercise }), "NOT_FOUND");
    for (const { caller, code } of barred()) {
      await expectCode(caller.library.exercise({ id: ids.exercise }), code);
      await expectCode(caller.library.exercises({ limit: 5 }), code);
    }
    await expectCode(as.coach.library.exercises({ limit: 5, articleId: "x" }), "BAD_REQUEST");
  });

  it("lists the published series for filters", async () => {
    const series = await as.coach.library.series();
    expect(series.find((s) => s.series === "Tide series")!.parts.map((p) => p.title)).toEqual(["First part", "Second part"]);
    for (const { caller, code } of barred()) await expectCode(caller.library.series(), code);
  });
});

describe("nothing executable reaches the page", () => {
  const payloads = [
    "<script>alert('body')</script>",
    '<img src=x onerror="alert(1)">',
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<svg onload=alert(1)><circle /></svg>",
    "<style>body { display: none }</style>",
    '<a href="javascript:alert(1)">raw link</a>',
    "[markdown link](javascript:alert(1))",
    "[mixed case](JaVaScRiPt:alert(1))",
    "[entity](&#106;avascript:alert(1))",
    "[spaced](  javascript:alert(1))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[vb](vbscript:msgbox(1))",
    "![image](javascript:alert(1))",
    "![tracker](https://example.com/pixel.png)",
    "<javascript:alert(1)>",
    '[title](https://example.com "x\\" onmouseover=\\"alert(1)")',
    "A friendly [safe link](https://example.com/read).",
  ];
  const document = [
    "Safe Harbour ~ Part 1: <script>alert('title')</script>",
    "",
    "# <img src=x onerror=alert('heading')>",
    "",
    ...payloads.flatMap((p) => [p, ""]),
    'Would you click <b onmouseover="alert(1)">here</b>?',
  ].join("\n");

  function expectSafe(html: string) {
    expect(executableMarkup(html)).toEqual([]);
    for (const link of elements(html, "a")) {
      const href = attribute(link, "href") ?? "";
      expect(href).toMatch(/^(https?:|mailto:|#)/);
      if (!href.startsWith("#")) expect(attribute(link, "rel")).toBe("noopener noreferrer");
    }
  }

  it("has a check that does catch executable markup", () => {
    expect(() => expectSafe('<p><img src=x onerror="alert(1)"></p>')).toThrow();
    expect(() => expectSafe('<a href="javascript:alert(1)">x</a>')).toThrow();
    expect(() => expectSafe('<a href="https://example.com">x</a>')).toThrow();
  });

  it("through import, the editor's save, publishing and the library preview", async () => {
    const draft = await as.admin.articles.importPreview({ text: document });
    expect(draft.suggestedPrompts.length).toBeGreaterThan(0);
    const saved = await as.admin.articles.saveImport({
      article: { title: draft.title, series: draft.series, part: draft.part, summary: draft.summary, body: draft.body, tags: [] },
      exercise: { title: "<script>alert('exercise')</script>", questions: draft.suggestedPrompts },
    });
    // The editor path: the admin saves the body again with more payloads typed in.
    const article = await as.admin.articles.get({ id: saved.articleId });
    await as.admin.articles.update({
      id: article.id,
      revision: article.revision,
      title: article.title,
      series: article.series,
      part: article.part,
      summary: "<img src=x onerror=alert('summary')>",
      body: `${article.body}\n\n${payloads.join("\n\n")}`,
      tags: ["<script>tag</script>"],
    });
    await as.admin.articles.publish({ id: article.id });
    const exercise = await as.admin.exercises.get({ id: saved.exerciseId! });
    const hostile: PromptDefinition = {
      id: "evil",
      kind: "single_choice",
      label: '"><script>alert("label")</script>',
      help: "<img src=x onerror=alert('help')>",
      required: true,
      sectionAnchor: null,
      options: ["<b onclick=alert(1)>one</b>", "javascript:alert(1)"],
    };
    await as.admin.exercises.updateDraft({
      id: exercise.id,
      revision: exercise.revision,
      title: exercise.title,
      instructions: "<iframe src=javascript:alert(1)>",
      prompts: [...exercise.prompts, hostile],
    });
    await as.admin.exercises.publish({ id: exercise.id });

    const shownArticle = await as.coach.library.article({ id: article.id });
    const articleHtml = renderToStaticMarkup(createElement(ArticleView, { html: shownArticle.rendered.html }));
    expectSafe(articleHtml);
    // The payloads are still there, as words a reader can see.
    expect(visibleText(articleHtml)).toContain("<script>alert('body')</script>");
    expect(elements(articleHtml, "a").map((a) => attribute(a, "href"))).toContain("https://example.com/read");

    const shownExercise = await as.coach.library.exercise({ id: exercise.id });
    const previewHtml = renderToStaticMarkup(
      createElement(ExercisePreview, {
        title: shownExercise.title,
        instructions: shownExercise.instructions,
        prompts: shownExercise.prompts,
        article: shownExercise.article,
        mode: "readOnly",
      }),
    );
    expectSafe(previewHtml);
    expect(visibleText(previewHtml)).toContain('"><script>alert("label")</script>');

    for (const prompt of shownExercise.prompts) {
      const fieldHtml = renderToStaticMarkup(createElement(PromptField, { prompt, value: emptyAnswerFor(prompt), readOnly: true }));
      expectSafe(fieldHtml);
    }
  });
});
