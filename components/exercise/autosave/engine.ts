import type { RouterInputs } from "@/components/trpc/outputs";
import type { AnswerValue } from "@/lib/content/prompts";
import type { DeviceDraft } from "./device-drafts";

/**
 * The autosave engine: pure logic, no React and no DOM, so it can be tested with fake timers and a
 * fake transport. It keeps, per prompt, what the person typed, the server version that text is
 * based on, and at most one save on its way. A failed save is resent with the SAME saveId (the
 * server recognises a resend and never applies it twice); newer typing waits behind it.
 * Unsent text lives in memory and is flushed on page hide; the page also keeps an encrypted copy on the
 * device (draftOf / restore, decision 0024), so a new page picks up the saves a closed one had sent.
 * On page hide, text newer than a save still on its way can't wait for it: it goes at once as a
 * "flush" save naming that save (afterSaveId), which the server applies on top of it in any order.
 */

/** One save as answers.save takes it: the router's own input type, not a copy of it. */
export type SaveRequest = RouterInputs["answers"]["save"];

export type SaveOutcome =
  | { kind: "saved"; answerId: string; version: number; updatedAt: Date }
  /** The network or the server is unavailable: the same save is tried again later. */
  | { kind: "offline" }
  /** Someone (another tab) saved this answer since we loaded it. */
  | { kind: "conflict"; serverValue: AnswerValue | null; serverVersion: number; updatedAt: Date | null; lastSaveId?: string | null }
  /** Retrying won't help (for example the exercise was already submitted). */
  | { kind: "refused"; message: string };

/** Sends one save. It should use fetch keepalive so a save on its way survives the page closing. */
export type SaveTransport = (request: SaveRequest) => Promise<SaveOutcome>;

export type PromptSaveStatus = "idle" | "saving" | "saved" | "offline" | "conflict" | "refused";

export type SaveConflict = { theirs: AnswerValue | null; serverVersion: number; updatedAt: Date | null };

export type PromptSnapshot = {
  value: AnswerValue;
  /** The server version the current text is based on (0: nothing saved yet). */
  version: number;
  status: PromptSaveStatus;
  conflict: SaveConflict | null;
  message: string | null;
  lastSavedAt: Date | null;
};

export type OverallStatus = PromptSaveStatus;

export type EngineSnapshot = {
  prompts: Readonly<Record<string, PromptSnapshot>>;
  overall: OverallStatus;
  /** True while some text has not reached the server yet. */
  unsent: boolean;
};

/** How a wait for the engine ends: everything saved, or the reason it can't be right now. */
export type SettleResult = "saved" | "offline" | "conflict" | "refused";

export type InitialAnswer = { promptId: string; value: AnswerValue; version: number; updatedAt?: Date | null };

export type AutosaveOptions = {
  assignmentId: string;
  initial: InitialAnswer[];
  transport: SaveTransport;
  newId: () => string;
  debounceMs?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** Told whenever the server confirms the text it holds for a prompt (other tabs can follow it). */
  onServerText?: (promptId: string, answer: { value: AnswerValue; version: number; updatedAt: Date | null }) => void;
};

type Timer = ReturnType<typeof setTimeout>;

type PromptState = {
  value: AnswerValue;
  savedValue: AnswerValue;
  baseVersion: number;
  pending: { saveId: string; value: AnswerValue; baseVersion: number } | null;
  inFlight: boolean;
  /** A page-hide save of newer text, sent while `pending` was still on its way (at most one). */
  flush: { saveId: string; value: AnswerValue; baseVersion: number; afterSaveId: string } | null;
  /** saveIds this page sent for the prompt (the latest few): a stored one of these is our own text, not a conflict. */
  ownSaveIds: string[];
  debounce: Timer | null;
  retry: Timer | null;
  failures: number;
  conflict: SaveConflict | null;
  message: string | null;
  lastSavedAt: Date | null;
  edited: boolean;
};

export function sameValue(a: AnswerValue | null | undefined, b: AnswerValue | null | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** 1 s, 2 s, 4 s ... capped (30 s by default). `failures` counts from 1. */
export function backoffDelay(failures: number, baseMs = 1000, maxMs = 30_000): number {
  return Math.min(baseMs * 2 ** Math.max(0, failures - 1), maxMs);
}

export type AutosaveEngine = ReturnType<typeof createAutosaveEngine>;

export function createAutosaveEngine(options: AutosaveOptions) {
  const debounceMs = options.debounceMs ?? 800;
  const baseBackoffMs = options.baseBackoffMs ?? 1000;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const prompts = new Map<string, PromptState>();
  const listeners = new Set<() => void>();
  const waiters = new Set<(result: SettleResult) => void>();
  let snapshot: EngineSnapshot = { prompts: {}, overall: "idle", unsent: false };

  const fresh = (answer: InitialAnswer): PromptState => ({
    value: answer.value,
    savedValue: answer.value,
    baseVersion: answer.version,
    pending: null,
    inFlight: false,
    flush: null,
    ownSaveIds: [],
    debounce: null,
    retry: null,
    failures: 0,
    conflict: null,
    message: null,
    lastSavedAt: answer.updatedAt ?? null,
    edited: false,
  });

  const isDirty = (p: PromptState) => !sameValue(p.value, p.savedValue);
  const isUnsent = (p: PromptState) => isDirty(p) || p.pending !== null || p.conflict !== null;

  function statusOf(p: PromptState): PromptSaveStatus {
    if (p.conflict) return "conflict";
    if (p.message) return "refused";
    if (p.failures > 0) return "offline";
    if (p.inFlight || p.flush || p.debounce || p.pending || isDirty(p)) return "saving";
    return p.edited ? "saved" : "idle";
  }

  // The most pressing status wins, so one line can speak for the whole page.
  const priority: PromptSaveStatus[] = ["conflict", "refused", "offline", "saving", "saved", "idle"];

  function settledResult(): SettleResult | null {
    const states = [...prompts.values()];
    if (states.some((p) => p.inFlight || p.flush || p.debounce)) return null;
    if (!states.some(isUnsent)) return "saved";
    if (states.some((p) => p.conflict)) return "conflict";
    if (states.some((p) => p.message)) return "refused";
    if (states.some((p) => p.failures > 0)) return "offline";
    return null;
  }

  function rebuildSnapshot() {
    const entries: Record<string, PromptSnapshot> = {};
    let overall: PromptSaveStatus = "idle";
    let unsent = false;
    for (const [promptId, p] of prompts) {
      const status = statusOf(p);
      entries[promptId] = {
        value: p.value,
        version: p.baseVersion,
        status,
        conflict: p.conflict,
        message: p.message,
        lastSavedAt: p.lastSavedAt,
      };
      if (priority.indexOf(status) < priority.indexOf(overall)) overall = status;
      unsent ||= isUnsent(p);
    }
    snapshot = { prompts: entries, overall, unsent };
  }

  function emit() {
    rebuildSnapshot();
    const settled = settledResult();
    if (settled) {
      for (const resolve of waiters) resolve(settled);
      waiters.clear();
    }
    for (const listener of listeners) listener();
  }

  function clearTimer(timer: Timer | null) {
    if (timer) clearTimeout(timer);
  }

  const OWN_SAVE_IDS_KEPT = 20;

  function remember(p: PromptState, saveId: string) {
    if (p.ownSaveIds.includes(saveId)) return;
    p.ownSaveIds.push(saveId);
    if (p.ownSaveIds.length > OWN_SAVE_IDS_KEPT) p.ownSaveIds.shift();
  }

  function transmit(p: PromptState, request: SaveRequest): Promise<SaveOutcome> {
    remember(p, request.saveId);
    let outcome: Promise<SaveOutcome>;
    try {
      outcome = options.transport(request);
    } catch {
      outcome = Promise.resolve({ kind: "offline" });
    }
    return outcome.catch((): SaveOutcome => ({ kind: "offline" }));
  }

  function send(promptId: string, p: PromptState) {
    const pending = p.pending;
    if (!pending) return;
    p.inFlight = true;
    void transmit(p, { assignmentId: options.assignmentId, promptId, ...pending }).then((result) => settle(promptId, p, pending.saveId, result));
  }

  /** The server already holds text saved by this page (or exactly what is typed here): nobody has to choose. */
  function isOwnText(p: PromptState, result: Extract<SaveOutcome, { kind: "conflict" }>): boolean {
    return (result.lastSaveId != null && p.ownSaveIds.includes(result.lastSaveId)) || sameValue(result.serverValue, p.value);
  }

  /** Takes a version the server confirmed, unless we already know a newer one. */
  function acknowledge(p: PromptState, value: AnswerValue, version: number, updatedAt: Date | null) {
    if (version < p.baseVersion) return;
    p.savedValue = value;
    p.baseVersion = version;
    p.lastSavedAt = updatedAt ?? p.lastSavedAt;
    const promptId = promptIdOf(p);
    if (promptId) options.onServerText?.(promptId, { value, version, updatedAt });
  }

  function promptIdOf(state: PromptState): string | undefined {
    for (const [promptId, p] of prompts) if (p === state) return promptId;
    return undefined;
  }

  function settle(promptId: string, p: PromptState, saveId: string, result: SaveOutcome) {
    p.inFlight = false;
    // An answer to a save that is no longer the one waiting (a flush overtook it) changes nothing.
    if (p.pending?.saveId !== saveId) {
      next(promptId, p);
      return;
    }
    switch (result.kind) {
      case "saved":
        acknowledge(p, p.pending.value, result.version, result.updatedAt);
        p.pending = null;
        p.failures = 0;
        break;
      case "offline":
        p.failures += 1;
        clearTimer(p.retry);
        p.retry = setTimeout(() => {
          p.retry = null;
          trySend(promptId, p);
        }, backoffDelay(p.failures, baseBackoffMs, maxBackoffMs));
        break;
      case "conflict":
        p.pending = null;
        p.failures = 0;
        if (isOwnText(p, result)) {
          // Refused as stale only because our own flush (or identical text) got there first.
          acknowledge(p, result.serverValue ?? p.savedValue, result.serverVersion, result.updatedAt);
          break;
        }
        clearTimer(p.debounce);
        p.debounce = null;
        p.conflict = { theirs: result.serverValue, serverVersion: result.serverVersion, updatedAt: result.updatedAt };
        break;
      case "refused":
        p.pending = null;
        p.failures = 0;
        p.message = result.message;
        break;
    }
    if (result.kind === "saved" || result.kind === "conflict") next(promptId, p);
    else emit();
  }

  /** Text typed while a save was on its way goes next (unless a debounce or a retry is still counting). */
  function next(promptId: string, p: PromptState) {
    if (!p.debounce && !p.retry && (isDirty(p) || p.pending)) trySend(promptId, p);
    else emit();
  }

  /** Page hide: newer text can't wait for the save on its way, so it goes now, on top of that save. */
  function sendFlush(promptId: string, p: PromptState) {
    const pending = p.pending;
    if (!pending || !p.inFlight || p.flush || p.conflict || sameValue(p.value, pending.value)) return;
    const flush = { saveId: options.newId(), value: p.value, baseVersion: pending.baseVersion, afterSaveId: pending.saveId };
    p.flush = flush;
    void transmit(p, { assignmentId: options.assignmentId, promptId, ...flush }).then((result) => settleFlush(promptId, p, flush, result));
  }

  function settleFlush(promptId: string, p: PromptState, flush: NonNullable<PromptState["flush"]>, result: SaveOutcome) {
    p.flush = null;
    switch (result.kind) {
      case "saved":
        acknowledge(p, flush.value, result.version, result.updatedAt);
        // The flush holds newer text than the save it named, so that save no longer needs sending.
        if (p.pending) {
          p.pending = null;
          p.failures = 0;
          clearTimer(p.retry);
          p.retry = null;
        }
        p.message = null;
        break;
      case "conflict":
        if (isOwnText(p, result)) {
          acknowledge(p, result.serverValue ?? p.savedValue, result.serverVersion, result.updatedAt);
        } else if (!p.conflict) {
          // Someone else saved: the save it named can't apply any more either, so the choice is shown now.
          p.pending = null;
          p.failures = 0;
          clearTimer(p.retry);
          p.retry = null;
          clearTimer(p.debounce);
          p.debounce = null;
          p.conflict = { theirs: result.serverValue, serverVersion: result.serverVersion, updatedAt: result.updatedAt };
        }
        break;
      // Offline or refused: the text is still here and goes the ordinary way, behind the save it named.
      case "offline":
      case "refused":
        break;
    }
    if (!p.inFlight) next(promptId, p);
    else emit();
  }

  function trySend(promptId: string, p: PromptState) {
    if (p.conflict || p.message || p.inFlight || p.flush) {
      emit();
      return;
    }
    clearTimer(p.retry);
    p.retry = null;
    if (!p.pending) {
      if (!isDirty(p)) {
        emit();
        return;
      }
      p.pending = { saveId: options.newId(), value: p.value, baseVersion: p.baseVersion };
    }
    send(promptId, p);
    emit();
  }

  for (const answer of options.initial) prompts.set(answer.promptId, fresh(answer));
  rebuildSnapshot();

  function stateFor(promptId: string): PromptState {
    const p = prompts.get(promptId);
    if (!p) throw new Error(`Unknown prompt ${promptId}`);
    return p;
  }

  return {
    getSnapshot: (): EngineSnapshot => snapshot,
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Adds prompts the engine doesn't know yet (an answer nobody has saved starts at version 0). */
    ensure(answers: InitialAnswer[]) {
      let changed = false;
      for (const answer of answers) {
        if (!prompts.has(answer.promptId)) {
          prompts.set(answer.promptId, fresh(answer));
          changed = true;
        }
      }
      if (changed) emit();
    },

    /**
     * Newer server data (a refreshed page, another tab) replaces the text only of prompts with nothing unsent
     * here, so no tab keeps saying "Saved" over text the server no longer holds; an open conflict panel shows
     * the other side's latest text.
     */
    syncFromServer(answers: InitialAnswer[]) {
      let changed = false;
      for (const answer of answers) {
        const p = prompts.get(answer.promptId);
        if (!p) {
          prompts.set(answer.promptId, fresh(answer));
          changed = true;
        } else if (p.conflict) {
          if (answer.version > p.conflict.serverVersion) {
            p.conflict = { theirs: answer.value, serverVersion: answer.version, updatedAt: answer.updatedAt ?? null };
            changed = true;
          }
        } else if (!isUnsent(p) && !p.inFlight && !p.flush && answer.version > p.baseVersion) {
          const replaced = fresh(answer);
          replaced.ownSaveIds = p.ownSaveIds;
          prompts.set(answer.promptId, replaced);
          changed = true;
        }
      }
      if (changed) emit();
    },

    /** What must outlive this page for a prompt (kept encrypted on the device), or null once the server has it. */
    draftOf(promptId: string): DeviceDraft | null {
      const p = prompts.get(promptId);
      if (!p || !isUnsent(p)) return null;
      return { value: p.value, baseVersion: p.baseVersion, pending: p.pending && { ...p.pending }, ownSaveIds: [...p.ownSaveIds] };
    },

    /**
     * A closed page's unsent text, found on the device: it replaces the (possibly older) text the server sent,
     * and goes out through the usual rules. A save that page had sent is resent with its own saveId, so it is
     * applied at most once whether or not it arrived; a stored save with one of its saveIds counts as our own.
     * Skipped for a prompt this page has already touched (its own state is newer).
     */
    restore(promptId: string, draft: DeviceDraft) {
      const p = prompts.get(promptId);
      if (!p || p.edited || p.pending || p.inFlight || p.flush || p.conflict) return;
      for (const saveId of [...draft.ownSaveIds, ...(draft.pending ? [draft.pending.saveId] : [])]) remember(p, saveId);
      if (!draft.pending && sameValue(draft.value, p.savedValue)) {
        emit();
        return;
      }
      p.value = draft.value;
      p.edited = true;
      if (draft.pending) {
        p.pending = { ...draft.pending };
        p.baseVersion = Math.max(p.baseVersion, draft.baseVersion);
      } else {
        // Based on what that page knew: a change since is checked against this device's own saves.
        p.baseVersion = draft.baseVersion;
      }
      trySend(promptId, p);
    },

    edit(promptId: string, value: AnswerValue) {
      const p = stateFor(promptId);
      p.value = value;
      p.edited = true;
      p.message = null;
      clearTimer(p.debounce);
      p.debounce = null;
      if (!p.conflict) {
        p.debounce = setTimeout(() => {
          p.debounce = null;
          // While a failed save waits for its retry, the new text simply queues behind it.
          if (p.retry) emit();
          else trySend(promptId, p);
        }, debounceMs);
      }
      emit();
    },

    /**
     * Sends everything waiting now (page hide, submit). Resent saves keep their saveId; text newer
     * than a save on its way goes at once too (the page may be gone before that save answers).
     */
    flushAll() {
      for (const [promptId, p] of prompts) {
        clearTimer(p.debounce);
        p.debounce = null;
        trySend(promptId, p);
        sendFlush(promptId, p);
      }
      emit();
    },

    /** The browser says it's back online: don't wait for the backoff. */
    retryNow() {
      for (const [promptId, p] of prompts) {
        if (p.failures > 0) trySend(promptId, p);
      }
    },

    /** "Try again" after a refusal: the text is still here. */
    retryRefused(promptId: string) {
      const p = stateFor(promptId);
      p.message = null;
      trySend(promptId, p);
    },

    /** Keep what was typed here: it is saved on top of the version found on the server. */
    keepMine(promptId: string) {
      const p = stateFor(promptId);
      if (!p.conflict) return;
      p.baseVersion = p.conflict.serverVersion;
      if (p.conflict.theirs) p.savedValue = p.conflict.theirs;
      p.conflict = null;
      trySend(promptId, p);
    },

    /** Keep the text that was saved elsewhere: it replaces what was typed here. */
    keepTheirs(promptId: string) {
      const p = stateFor(promptId);
      if (!p.conflict) return;
      const theirs = p.conflict.theirs ?? p.savedValue;
      p.value = theirs;
      p.savedValue = theirs;
      p.baseVersion = p.conflict.serverVersion;
      p.lastSavedAt = p.conflict.updatedAt;
      p.conflict = null;
      emit();
    },

    hasUnsent: (): boolean => [...prompts.values()].some(isUnsent),

    /** Resolves once nothing is waiting: "saved", or why not ("offline", "conflict", "refused"). */
    whenSettled(): Promise<SettleResult> {
      const now = settledResult();
      if (now) return Promise.resolve(now);
      return new Promise((resolve) => waiters.add(resolve));
    },
  };
}
