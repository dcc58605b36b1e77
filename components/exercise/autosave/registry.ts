import type { AnswerValue } from "@/lib/content/prompts";
import { createAutosaveEngine, type AutosaveEngine, type InitialAnswer } from "./engine";
import { keepUnsentOnDevice } from "./device-persistence";
import { createFetchSaveTransport } from "./fetch-transport";
import { newSaveId } from "./new-id";

/**
 * One engine per assignment for the life of the browser tab, so leaving the exercise page and coming back
 * within the app keeps unsent text and its retries. Its unsent text is also kept on the device, encrypted
 * (decision 0024), and what the server confirms is told to the same exercise in the person's other tabs.
 */
const engines = new Map<string, { engine: AutosaveEngine; restored: Promise<void> }>();

type ServerText = { assignmentId: string; promptId: string; value: AnswerValue; version: number; updatedAt: Date | null };

/** Other tabs of this browser: memory only, nothing stored. */
const channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel("hearth-answers");
channel?.addEventListener("message", (event: MessageEvent<ServerText>) => {
  const { assignmentId, promptId, value, version, updatedAt } = event.data;
  engines.get(assignmentId)?.engine.syncFromServer([{ promptId, value, version, updatedAt }]);
});

export function obtainAutosaveEngine(assignmentId: string, initial: InitialAnswer[]): { engine: AutosaveEngine; restored: Promise<void> } {
  const make = () =>
    createAutosaveEngine({
      assignmentId,
      initial,
      transport: createFetchSaveTransport(),
      newId: newSaveId,
      onServerText: (promptId, answer) => channel?.postMessage({ assignmentId, promptId, ...answer } satisfies ServerText),
    });
  // On the server each render gets a throwaway engine: module state there would be shared by everyone.
  if (typeof window === "undefined") return { engine: make(), restored: Promise.resolve() };
  const existing = engines.get(assignmentId);
  if (existing) {
    existing.engine.ensure(initial);
    return existing;
  }
  const engine = make();
  const restored = keepUnsentOnDevice(engine, assignmentId).catch(() => undefined);
  const entry = { engine, restored };
  engines.set(assignmentId, entry);
  return entry;
}
