"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/layout";
import { useTRPC } from "@/components/trpc/client";

/** After a handover: who the client's coach is now, and that what they had shared is private again. */
export function HandoverNotice() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const notice = useQuery(trpc.handover.myNotice.queryOptions());
  const dismiss = useMutation(
    trpc.handover.dismissNotice.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.handover.myNotice.queryKey() }),
    }),
  );
  if (!notice.data) return null;
  const { id, fromCoachName, toCoachName } = notice.data;
  return (
    <div className="mb-6">
      <Notice tone="info" role="status">
        <p>
          Your coach is now {toCoachName}. Anything you shared with {fromCoachName} is private again, and {toCoachName} doesn&rsquo;t see it.
          Your exercises are all still here: you can choose, answer by answer, what {toCoachName} may see, including earlier ones, whenever
          you like.
        </p>
        <Button variant="secondary" className="mt-3" disabled={dismiss.isPending} onClick={() => dismiss.mutate({ id })}>
          Got it
        </Button>
      </Notice>
    </div>
  );
}
