"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/layout";
import { useTRPC } from "@/components/trpc/client";

type Status = "active" | "paused" | "stopped" | "completed";

/** Pause, resume or stop a client's program. Stopping asks once more, since it can't be undone. */
export function EnrolmentActions({ enrolmentId, status, programName, clientName }: { enrolmentId: string; status: Status; programName: string; clientName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirmingStop, setConfirmingStop] = useState(false);
  const onSuccess = () => {
    setConfirmingStop(false);
    router.refresh();
  };
  const pause = useMutation(trpc.enrolments.pause.mutationOptions({ onSuccess }));
  const resume = useMutation(trpc.enrolments.resume.mutationOptions({ onSuccess }));
  const stop = useMutation(trpc.enrolments.stop.mutationOptions({ onSuccess }));
  const error = pause.error ?? resume.error ?? stop.error;
  const busy = pause.isPending || resume.isPending || stop.isPending;
  if (status === "stopped" || status === "completed") return null;

  return (
    <div className="mt-3 space-y-2">
      {error ? (
        <Notice tone="danger" role="alert">
          {error.message}
        </Notice>
      ) : null}
      {confirmingStop ? (
        <div role="group" aria-label="Confirm stopping" className="flex flex-wrap items-center gap-2 rounded-lg border border-line bg-stone-50 p-3">
          <p className="w-full text-sm">
            Stop {programName} for {clientName}? No more steps will open. Exercises already open stay with them.
          </p>
          <Button variant="danger" onClick={() => stop.mutate({ enrolmentId })} disabled={busy}>
            {stop.isPending ? "Stopping…" : "Yes, stop it"}
          </Button>
          <Button variant="secondary" onClick={() => setConfirmingStop(false)}>
            Keep it going
          </Button>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          {status === "active" ? (
            <Button variant="secondary" onClick={() => pause.mutate({ enrolmentId })} disabled={busy}>
              {pause.isPending ? "Pausing…" : "Pause"}
            </Button>
          ) : (
            <Button variant="secondary" onClick={() => resume.mutate({ enrolmentId })} disabled={busy}>
              {resume.isPending ? "Resuming…" : "Resume"}
            </Button>
          )}
          <Button variant="secondary" onClick={() => setConfirmingStop(true)} disabled={busy}>
            Stop
          </Button>
        </div>
      )}
    </div>
  );
}
