"use client";
import { useActionState } from "react";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/layout";
import type { AcceptState } from "./accept-state";

type Action = (previous: AcceptState, formData: FormData) => Promise<AcceptState>;

/** Name and password for a new account; the rules are said up front, kindly. */
export function AcceptInvitationForm({ email, action }: { email: string; action: Action }) {
  const [state, formAction, pending] = useActionState<AcceptState, FormData>(action, { error: null, fields: {}, name: "" });
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state.error ? (
        <Notice tone="danger" role="alert">
          {state.error}
        </Notice>
      ) : null}
      <input type="hidden" name="email" value={email} />
      <div>
        <p className="text-sm font-medium text-ink">Email</p>
        <p className="mt-1 break-all text-ink">{email}</p>
      </div>
      <TextField label="Your name" name="name" autoComplete="name" required maxLength={100} defaultValue={state.name} error={state.fields.name} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 12 characters (up to 128). A few words strung together works well. Very common passwords aren't accepted."
        error={state.fields.password}
      />
      <TextField label="Password again" name="confirm" type="password" autoComplete="new-password" required error={state.fields.confirm} />
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-lg bg-accent px-4 py-2.5 font-medium text-white hover:bg-accent-strong disabled:opacity-60"
      >
        {pending ? "Setting up your account…" : "Join and sign in"}
      </button>
    </form>
  );
}
