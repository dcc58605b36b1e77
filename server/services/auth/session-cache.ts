import "server-only";
import { afterTransaction } from "@/db/after-transaction";
import { env } from "@/server/env";

/**
 * Signed-in sessions, remembered per cookie token for a few seconds, so a page and the tRPC calls it makes
 * right after don't each decrypt the cookie and look the session up again (issue 12: that was a sixth of
 * the server's CPU per request).
 *
 * What it costs: a session ended or a person disabled from elsewhere (another instance, a script, the
 * database) is still let in for at most SESSION_CACHE_SECONDS (5 by default; 0 turns the cache off). A change made through this instance
 * (sign-out, ending sessions, disabling, a role, password or account change) forgets every cached session
 * at once, so there it takes effect on the very next request. Only complete sessions are kept: one
 * waiting for its second step, ended or unknown is looked up every time.
 */

/** The default window; SESSION_CACHE_SECONDS sets the process's own (0: no cache). */
export const SESSION_CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

type Entry<T> = { value: T; until: number };

export type SessionCache<T> = {
  /** The cached value for this token, or `load()`'s (kept when `keep` says so). */
  lookup: (token: string, load: () => Promise<T>, keep: (value: T) => boolean) => Promise<T>;
  /** Forgets every entry: a session may have ended. */
  clear: () => void;
  size: () => number;
};

export function createSessionCache<T>(options: { ttlMs?: number; maxEntries?: number; clock?: () => number } = {}): SessionCache<T> {
  const ttlMs = options.ttlMs ?? SESSION_CACHE_MS;
  const maxEntries = options.maxEntries ?? MAX_ENTRIES;
  const clock = options.clock ?? Date.now;
  const entries = new Map<string, Entry<T>>();
  let generation = 0;
  return {
    async lookup(token, load, keep) {
      const cached = entries.get(token);
      if (cached && cached.until > clock()) return cached.value;
      if (cached) entries.delete(token);
      const startedIn = generation;
      const value = await load();
      // A clear() while this lookup ran may be about this very session: don't keep what was read before it.
      if (ttlMs > 0 && keep(value) && startedIn === generation) {
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
        entries.set(token, { value, until: clock() + ttlMs });
      }
      return value;
    },
    clear() {
      generation++;
      entries.clear();
    },
    size: () => entries.size,
  };
}

/** The process's one cache of signed-in sessions (used by server/auth/current-session.ts). */
const holder = globalThis as unknown as { __hearthSessionCache?: SessionCache<unknown> };

export function processSessionCache<T>(): SessionCache<T> {
  holder.__hearthSessionCache ??= createSessionCache<unknown>({ ttlMs: env.SESSION_CACHE_SECONDS * 1000 });
  return holder.__hearthSessionCache as SessionCache<T>;
}

/**
 * Call, with the database or transaction that made the change, when any session may have ended or changed: the
 * next request of everyone is looked up afresh. Inside a transaction it forgets now and again once the
 * transaction has ended, because a request between the two reads the rows as they were before the commit.
 */
export function forgetCachedSessions(changedOn: object): void {
  holder.__hearthSessionCache?.clear();
  afterTransaction(changedOn, () => holder.__hearthSessionCache?.clear());
}
