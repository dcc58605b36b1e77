"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/layout";
import { fieldIssues } from "@/components/content/trpc-errors";
import { useTRPC } from "@/components/trpc/client";

const copy = {
  client: { button: "Send invitation", who: "your client" },
  coach: { button: "Invite coach", who: "the coach" },
} as const;

/** Invites one person by email. The email with the link is sent on its way straight after. */
export function InviteForm({ role }: { role: "client" | "coach" }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const invite = useMutation(
    trpc.invitations.create.mutationOptions({
      onSuccess: (created) => {
        setSentTo(created.email);
        setEmail("");
        setName("");
        void queryClient.invalidateQueries({ queryKey: trpc.invitations.list.pathKey() });
      },
    }),
  );

  const issues = invite.isError ? fieldIssues(invite.error) : {};
  const pointsAtEmail = (invite.error?.data as { details?: { field?: string } } | undefined)?.details?.field === "email";
  const emailProblem = issues.email ?? (pointsAtEmail ? "Please check this address." : null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSentTo(null);
    invite.mutate({ email: email.trim(), role, ...(name.trim() ? { name: name.trim() } : {}) });
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {invite.isError ? (
        <Notice tone="danger" role="alert">
          {invite.error.message}
        </Notice>
      ) : null}
      {sentTo ? (
        <Notice tone="success" role="status">
          Invitation sent to {sentTo}. The link in the email works for 7 days.
        </Notice>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Email address"
          type="email"
          name="email"
          autoComplete="off"
          required
          maxLength={254}
          value={email}
          error={emailProblem}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          label="Name (optional)"
          hint={`Used to greet ${copy[role].who} in the email.`}
          name="name"
          autoComplete="off"
          maxLength={100}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <Button type="submit" disabled={invite.isPending || email.trim() === ""}>
        {invite.isPending ? "Sending…" : copy[role].button}
      </Button>
    </form>
  );
}
