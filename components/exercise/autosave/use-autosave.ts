"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState, useSyncExternalStore } from "react";
import type { InitialAnswer } from "./engine";
import { obtainAutosaveEngine } from "./registry";

/** How often the page asks whether the server is back while saves can't get through. */
const PROBE_INTERVAL_MS = 1000;

/**
 * Connects the autosave engine to the page: page hide, going back online, leaving with unsent text; a light probe
 * of the server while saves fail, so they go again within a second of it answering; and a fresh look at the
 * server's answers when the page comes back into view (another device may have saved meanwhile).
 */
export function useAutosave(assignmentId: string, initial: InitialAnswer[]) {
  const [{ engine, restored }] = useState(() => obtainAutosaveEngine(assignmentId, initial));
  const [ready, setReady] = useState(false);
  const router = useRouter();

  useEffect(() => {
    let current = true;
    void restored.then(() => {
      if (current) setReady(true);
    });
    return () => {
      current = false;
    };
  }, [restored]);

  useEffect(() => {
    engine.syncFromServer(initial);
  }, [engine, initial]);

  useEffect(() => {
    const flush = () => engine.flushAll();
    const onVisibility = () => {
      if (document.visibilityState === "hidden") engine.flushAll();
      else if (navigator.onLine) router.refresh();
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
  }, [engine, router]);

  const snapshot = useSyncExternalStore(engine.subscribe, engine.getSnapshot, engine.getSnapshot);
  const waitingForServer = snapshot.overall === "offline";

  useEffect(() => {
    if (!waitingForServer) return;
    let probing = false;
    const probe = async () => {
      if (probing) return;
      probing = true;
      try {
        const response = await fetch("/api/health", { cache: "no-store", credentials: "omit" });
        if (response.ok) engine.retryNow();
      } catch {
        // Still unreachable: the next probe tries again.
      } finally {
        probing = false;
      }
    };
    const timer = setInterval(() => void probe(), PROBE_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [engine, waitingForServer]);

  return { engine, snapshot, ready };
}
