/**
 * How large a request body may be, in bytes. Larger bodies are refused with 413 before anything parses them
 * (server/http/body-limit.ts for tRPC, proxy.ts and next.config.ts for server actions). The figures follow the
 * field limits (lib/content/limits.ts, lib/content/prompts.ts) with room for JSON and for 3-byte UTF-8 characters.
 */
const KB = 1024;

export const BODY_LIMITS = {
  /** Any tRPC call not listed below. The largest is an answer: 20,000 characters (at most 60 KB in UTF-8). */
  trpc: 256 * KB,
  /**
   * tRPC calls that carry a whole document: an article body is up to 200,000 characters (up to 600 KB in UTF-8),
   * an imported file up to 200 KB (273 KB as base64), an exercise up to 50 prompts with help text and options.
   */
  trpcDocument: 2 * 1024 * KB,
  /** Server actions (signing in, accepting an invitation, signing out) carry a few short form fields. */
  serverAction: 64 * KB,
} as const;

/** The tRPC procedures allowed the larger `trpcDocument` limit: editors sending whole articles, imports and exercises. */
export const DOCUMENT_PROCEDURES: ReadonlySet<string> = new Set([
  "articles.preview",
  "articles.create",
  "articles.update",
  "articles.importPreview",
  "articles.saveImport",
  "exercises.create",
  "exercises.updateDraft",
]);

/** At most this many calls travel in one tRPC batch request; mutations never travel in a batch. */
export const MAX_BATCH_CALLS = 10;
