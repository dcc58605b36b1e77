"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { LocalDate } from "@/components/dates/local-date";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/layout";
import { useTRPC } from "@/components/trpc/client";

/** The address change waiting for its link, with a way to withdraw it (say, after a typo in the address). */
export function PendingEmailChange({ newEmail, expiresAt }: { newEmail: string; expiresAt: Date }) {
  const trpc = useTRPC();
  const router = useRouter();
  const cancel = useMutation(trpc.account.cancelEmailChange.mutationOptions({ onSuccess: () => router.refresh() }));
  if (cancel.isSuccess) {
    return (
      <Notice tone="success" role="status">
        The change is withdrawn: the link we sent to {newEmail} no longer works.
      </Notice>
    );
  }
  return (
    <Notice tone="info" role="status">
      <p>
        Waiting for you to open the link we sent to <strong className="break-all">{newEmail}</strong>. It works until{" "}
        <LocalDate date={expiresAt} variant="moment" />; until then you sign in with your current address.
      </p>
      {cancel.isError ? <p className="mt-2 text-danger">{cancel.error.message}</p> : null}
      <Button variant="secondary" className="mt-3" disabled={cancel.isPending} onClick={() => cancel.mutate({})}>
        {cancel.isPending ? "Withdrawing…" : "Withdraw this change"}
      </Button>
    </Notice>
  );
}
