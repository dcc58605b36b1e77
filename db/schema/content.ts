import { sql, type SQL } from "drizzle-orm";
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { ArticleSnapshot, PromptDefinition } from "../../lib/content/prompts";
import { at, createdAt, id, updatedAt } from "./columns";
import { practices, users } from "./people";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const contentStatusEnum = pgEnum("content_status", ["draft", "published", "archived"]);

export const articles = pgTable(
  "articles",
  {
    id: id(),
    practiceId: uuid("practice_id").notNull().references(() => practices.id),
    title: text("title").notNull(),
    series: text("series"),
    part: integer("part"),
    summary: text("summary").notNull().default(""),
    body: text("body").notNull().default(""),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    status: contentStatusEnum("status").notNull().default("draft"),
    /** Bumped on every save; an edit based on an older revision is refused. */
    revision: integer("revision").notNull().default(1),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    publishedAt: at("published_at"),
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('english', coalesce(${articles.title}, '')), 'A') || setweight(to_tsvector('english', coalesce(${articles.series}, '')), 'B') || setweight(to_tsvector('english', coalesce(${articles.summary}, '')), 'B') || to_tsvector('english', coalesce(${articles.body}, ''))`,
    ),
  },
  (t) => [
    index("articles_practice_updated_idx").on(t.practiceId, t.updatedAt, t.id),
    index("articles_practice_series_idx").on(t.practiceId, t.status, t.series, t.part),
    index("articles_search_idx").using("gin", t.searchVector),
  ],
);

export const exercises = pgTable(
  "exercises",
  {
    id: id(),
    practiceId: uuid("practice_id").notNull().references(() => practices.id),
    articleId: uuid("article_id").notNull().references(() => articles.id),
    status: contentStatusEnum("status").notNull().default("draft"),
    /** The working copy an admin edits; publishing copies it into an immutable version. */
    draftTitle: text("draft_title").notNull(),
    draftInstructions: text("draft_instructions").notNull().default(""),
    draftPrompts: jsonb("draft_prompts").$type<PromptDefinition[]>().notNull().default([]),
    revision: integer("revision").notNull().default(1),
    /** True when the working copy differs from the latest published version. */
    hasUnpublishedChanges: boolean("has_unpublished_changes").notNull().default(true),
    latestVersion: integer("latest_version"),
    createdById: uuid("created_by_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("exercises_practice_updated_idx").on(t.practiceId, t.updatedAt, t.id),
    index("exercises_article_idx").on(t.practiceId, t.articleId),
  ],
);

/** Published, immutable versions. An assignment pins one of these. */
export const exerciseVersions = pgTable(
  "exercise_versions",
  {
    id: id(),
    practiceId: uuid("practice_id").notNull().references(() => practices.id),
    exerciseId: uuid("exercise_id").notNull().references(() => exercises.id),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    instructions: text("instructions").notNull(),
    prompts: jsonb("prompts").$type<PromptDefinition[]>().notNull(),
    /** The article as it read when this version was published, so later edits never reach a client mid-exercise. */
    article: jsonb("article").$type<ArticleSnapshot>().notNull(),
    publishedById: uuid("published_by_id").references(() => users.id),
    publishedAt: at("published_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("exercise_versions_exercise_version_unique").on(t.exerciseId, t.version)],
);
