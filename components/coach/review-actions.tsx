"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/layout";
import { useTRPC } from "@/components/trpc/client";
import type { AssignmentStatus } from "@/components/assignments/status-badge";

/** "Mark as reviewed" once submitted; "Cancel assignment" before that. */
export function ReviewActions({ assignmentId, status, clientName }: { assignmentId: string; status: AssignmentStatus; clientName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const onSuccess = () => {
    setConfirmingCancel(false);
    router.refresh();
  };
  const markReviewed = useMutation(trpc.assignments.markReviewed.mutationOptions({ onSuccess }));
  const cancel = useMutation(trpc.assignments.cancel.mutationOptions({ onSuccess }));
  const error = markReviewed.error ?? cancel.error;

  return (
    <div className="space-y-3">
      {error ? (
        <Notice tone="danger" role="alert">
          {error.message}
        </Notice>
      ) : null}
      {status === "submitted" ? (
        <Button onClick={() => markReviewed.mutate({ assignmentId })} disabled={markReviewed.isPending}>
          {markReviewed.isPending ? "Saving…" : "Mark as reviewed"}
        </Button>
      ) : null}
      {status === "reviewed" ? <p className="text-sm text-muted">You marked this exercise as reviewed.</p> : null}
      {status === "assigned" || status === "in_progress" ? (
        confirmingCancel ? (
          <div role="group" aria-label="Confirm cancelling" className="flex flex-wrap items-center gap-2 rounded-lg border border-line bg-white p-3">
            <p className="w-full text-sm">
              Cancel this exercise for {clientName}? It will leave their list. Anything they wrote stays private to them.
            </p>
            <Button variant="danger" onClick={() => cancel.mutate({ assignmentId })} disabled={cancel.isPending}>
              {cancel.isPending ? "Cancelling…" : "Yes, cancel it"}
            </Button>
            <Button variant="secondary" onClick={() => setConfirmingCancel(false)}>
              Keep it
            </Button>
          </div>
        ) : (
          <Button variant="secondary" onClick={() => setConfirmingCancel(true)}>
            Cancel assignment
          </Button>
        )
      ) : null}
      {status === "cancelled" ? <p className="text-sm text-muted">This exercise was cancelled.</p> : null}
    </div>
  );
}
