"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId } from "react";
import { LocalDate } from "@/components/dates/local-date";
import { Notice } from "@/components/ui/layout";
import { useTRPC } from "@/components/trpc/client";

/** Share or stop sharing one submitted answer. Stopping takes effect at once. */
export function SharingToggle({
  assignmentId,
  promptId,
  shared,
  sharedAt,
  coachId,
  coachName,
}: {
  assignmentId: string;
  promptId: string;
  shared: boolean;
  sharedAt: Date | null;
  coachId: string;
  coachName: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const stateId = useId();
  const change = useMutation(trpc.answers.setSharing.mutationOptions({ onSuccess: () => router.refresh() }));
  // While saving, and until the refreshed page arrives, show what was asked for.
  const requested = change.variables?.shares[0]?.shared;
  const checked = (change.isPending || change.isSuccess) && requested !== undefined ? requested : shared;
  return (
    <div className="mt-3 space-y-2">
      <label className="flex w-fit cursor-pointer items-center gap-3 rounded-lg border border-line px-3 py-2 has-[:checked]:border-accent">
        <input
          type="checkbox"
          className="h-5 w-5 accent-accent-strong"
          checked={checked}
          disabled={change.isPending}
          aria-describedby={stateId}
          onChange={(event) => change.mutate({ assignmentId, coachId, shares: [{ promptId, shared: event.target.checked }] })}
        />
        <span>Share with {coachName}</span>
      </label>
      <p id={stateId} className="text-sm text-muted">
        {shared ? (
          <>
            Shared with {coachName}
            {sharedAt ? <LocalDate date={sharedAt} variant="moment" prefix=" since " /> : null}. Untick to stop sharing straight away.
          </>
        ) : (
          "Private: only you can see this answer."
        )}
      </p>
      {change.isError ? (
        <Notice tone="danger" role="alert">
          {change.error.message}
        </Notice>
      ) : null}
    </div>
  );
}
