"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/layout";
import { useTRPC } from "@/components/trpc/client";
import { DELETE_CONFIRMATION } from "@/lib/account/former-client";

/** Deleting one's account: what goes and what stays, then the password and a typed phrase. */
export function DeleteAccountForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const remove = useMutation(
    trpc.clientData.deleteMine.mutationOptions({
      // The account and its sessions are gone: the sign-in page says so.
      onSuccess: () => router.replace("/sign-in?deleted=1"),
    }),
  );
  const confirmed = confirmation.trim().toLowerCase() === DELETE_CONFIRMATION;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirmed && password) remove.mutate({ password, confirmation });
  }

  return (
    <div className="mt-1 space-y-4 text-sm">
      <p className="text-muted">Take your time with this. If you&apos;d like a copy of your words, download it above first: deleting can&apos;t be undone.</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <h3 className="font-semibold">What goes, for good</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            <li>Your name, email address and password</li>
            <li>Every answer you wrote, shared or private, and your drafts</li>
            <li>Comment threads on your answers, yours and your coach&apos;s</li>
            <li>Your exercises, and the emails we sent you</li>
            <li>Your name and email in our records of who did what</li>
          </ul>
        </div>
        <div>
          <h3 className="font-semibold">What stays</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            <li>Your coach&apos;s own private notes, which you never saw, kept under &ldquo;Former client&rdquo;</li>
            <li>Our records that something happened (for example, that an answer was viewed), without your name</li>
          </ul>
        </div>
      </div>
      <form onSubmit={submit} className="space-y-3">
        {remove.isError ? (
          <Notice tone="danger" role="alert">
            {remove.error.message}
          </Notice>
        ) : null}
        <TextField label="Your password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        <TextField
          label={`To confirm, type “${DELETE_CONFIRMATION}”`}
          autoComplete="off"
          value={confirmation}
          onChange={(e) => setConfirmation(e.target.value)}
        />
        <Button type="submit" variant="danger" disabled={!confirmed || !password || remove.isPending}>
          {remove.isPending ? "Deleting…" : "Delete my account"}
        </Button>
      </form>
    </div>
  );
}
