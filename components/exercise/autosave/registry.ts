import { createAutosaveEngine, type AutosaveEngine, type InitialAnswer } from "./engine";
import { createFetchSaveTransport } from "./fetch-transport";
import { newSaveId } from "./new-id";

/**
 * One engine per assignment for the life of the browser tab (memory only, never localStorage),
 * so leaving the exercise page and coming back within the app keeps unsent text and its retries.
 */
const engines = new Map<string, AutosaveEngine>();

export function obtainAutosaveEngine(assignmentId: string, initial: InitialAnswer[]): AutosaveEngine {
  const make = () => createAutosaveEngine({ assignmentId, initial, transport: createFetchSaveTransport(), newId: newSaveId });
  // On the server each render gets a throwaway engine: module state there would be shared by everyone.
  if (typeof window === "undefined") return make();
  const existing = engines.get(assignmentId);
  if (existing) {
    existing.ensure(initial);
    return existing;
  }
  const engine = make();
  engines.set(assignmentId, engine);
  return engine;
}
