"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/layout";
import type { RouterOutputs } from "@/components/trpc/outputs";
import { useCall } from "@/components/trpc/use-call";

type HandoverNoticeData = NonNullable<RouterOutputs["handover"]["myNotice"]>;

/**
 * After a handover: who the client's coach is now, and that what they had shared is private again. The page
 * brings the notice with it (nothing moves in after the first paint); "Got it" puts it away for good.
 */
export function HandoverNotice({ notice }: { notice: HandoverNoticeData | null }) {
  const [dismissed, setDismissed] = useState(false);
  const dismiss = useCall((trpc) => trpc.handover.dismissNotice.mutate, { onSuccess: () => setDismissed(true) });
  if (!notice || dismissed) return null;
  const { id, fromCoachName, toCoachName } = notice;
  return (
    <div className="mb-6">
      <Notice tone="info" role="status">
        <p>
          Your coach is now {toCoachName}. Anything you shared with {fromCoachName} is private again, and {toCoachName} doesn&rsquo;t see it.
          Your exercises are all still here: you can choose, answer by answer, what {toCoachName} may see, including earlier ones, whenever
          you like.
        </p>
        {dismiss.isError ? (
          <p role="alert" className="mt-2 text-sm">
            We couldn&rsquo;t put this away just now. Please try again in a moment.
          </p>
        ) : null}
        <Button variant="secondary" className="mt-3" disabled={dismiss.isPending} onClick={() => dismiss.mutate({ id })}>
          Got it
        </Button>
      </Notice>
    </div>
  );
}
