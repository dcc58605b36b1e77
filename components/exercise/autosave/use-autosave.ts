"use client";
import { useEffect, useState, useSyncExternalStore } from "react";
import type { InitialAnswer } from "./engine";
import { obtainAutosaveEngine } from "./registry";

/** Connects the autosave engine to the page: page hide, going back online, leaving with unsent text. */
export function useAutosave(assignmentId: string, initial: InitialAnswer[]) {
  const [engine] = useState(() => obtainAutosaveEngine(assignmentId, initial));

  useEffect(() => {
    engine.syncFromServer(initial);
  }, [engine, initial]);

  useEffect(() => {
    const flush = () => engine.flushAll();
    const onVisibility = () => {
      if (document.visibilityState === "hidden") engine.flushAll();
    };
    const onOnline = () => engine.retryNow();
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!engine.hasUnsent()) return;
      engine.flushAll();
      event.preventDefault();
    };
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("online", onOnline);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("online", onOnline);
      window.removeEventListener("beforeunload", onBeforeUnload);
      // Leaving the page inside the app: send what's waiting now rather than after the pause.
      engine.flushAll();
    };
  }, [engine]);

  const snapshot = useSyncExternalStore(engine.subscribe, engine.getSnapshot, engine.getSnapshot);
  return { engine, snapshot };
}
