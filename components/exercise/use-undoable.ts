import { useCallback, useEffect, useRef, useState } from "react";

/** How long a confirmed share waits, with an Undo button, before it is sent. */
export const SHARE_UNDO_MS = 6_000;

/**
 * An action that waits `delayMs` before it runs, and can be called off until then. Nothing leaves
 * the device while it waits, so Undo really means the coach never received it. Leaving the page
 * while it waits runs it: the person had already confirmed.
 */
export function useUndoable(delayMs: number = SHARE_UNDO_MS) {
  const [waiting, setWaiting] = useState(false);
  const action = useRef<(() => void) | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const runNow = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const run = action.current;
    action.current = null;
    setWaiting(false);
    run?.();
  }, []);

  const start = useCallback(
    (run: () => void) => {
      if (timer.current) clearTimeout(timer.current);
      action.current = run;
      setWaiting(true);
      timer.current = setTimeout(runNow, delayMs);
    },
    [delayMs, runNow],
  );

  const undo = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    action.current = null;
    setWaiting(false);
  }, []);

  useEffect(
    () => () => {
      if (action.current) runNow();
    },
    [runNow],
  );

  return { waiting, start, undo };
}
