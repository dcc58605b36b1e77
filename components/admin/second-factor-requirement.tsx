"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Notice } from "@/components/ui/layout";
import { useTRPC } from "@/components/trpc/client";

/** The practice-wide switch: coaches and admins without a second factor set one up at their next sign-in. */
export function SecondFactorRequirement({ required }: { required: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const change = useMutation(trpc.secondFactor.setRequirement.mutationOptions({ onSuccess: () => router.refresh() }));
  const checked = change.isPending || change.isSuccess ? (change.variables?.required ?? required) : required;
  return (
    <div className="space-y-3">
      {change.error ? <Notice tone="danger" role="alert">{change.error.message}</Notice> : null}
      <label className="flex w-fit cursor-pointer items-center gap-3 rounded-lg border border-line bg-white px-3 py-2 has-[:checked]:border-accent">
        <input
          type="checkbox"
          className="h-5 w-5 accent-accent-strong"
          checked={checked}
          disabled={change.isPending}
          onChange={(event) => change.mutate({ required: event.target.checked })}
        />
        Require two-step sign-in for coaches and admins
      </label>
    </div>
  );
}
