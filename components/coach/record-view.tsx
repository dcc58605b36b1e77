"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTRPC } from "@/components/trpc/client";

/**
 * Reading shared answers leaves a trace in the client's access log. The reads themselves write
 * nothing (they are refetched on focus, prefetched, retried); a page that shows shared answers mounts
 * one of these, which records the view once per opening of the page. The ref keeps React's
 * double-run effects in development, and re-renders, from recording twice; the server folds repeats
 * within a short window anyway. Nothing is shown, and a failure is left silent: the coach's reading
 * shouldn't be interrupted by the log, and the next opening records again.
 */
function useOncePerOpening(key: string, record: () => void) {
  const recorded = useRef<string | null>(null);
  useEffect(() => {
    if (recorded.current === key) return;
    recorded.current = key;
    record();
  }, [key, record]);
}

export function RecordAssignmentView({ assignmentId }: { assignmentId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { mutate } = useMutation(
    trpc.assignments.recordView.mutationOptions({
      // The answers now count as seen: the inbox and the roster's "new" counts change.
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.inbox.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.clients.pathKey() }),
        ]),
    }),
  );
  useOncePerOpening(assignmentId, () => mutate({ assignmentId }));
  return null;
}

export function RecordTrendsView({ clientId }: { clientId: string }) {
  const trpc = useTRPC();
  const { mutate } = useMutation(trpc.trends.recordView.mutationOptions());
  useOncePerOpening(clientId, () => mutate({ clientId }));
  return null;
}
