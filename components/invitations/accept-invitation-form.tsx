"use client";
import { useActionState } from "react";
import { useDeviceTimeZone } from "@/components/dates/time-zone";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import type { AcceptState } from "./accept-state";

type Action = (previous: AcceptState, formData: FormData) => Promise<AcceptState>;

/** Name and password for a new account; the rules are said up front, kindly. */
export function AcceptInvitationForm({ email, suggestedName, action }: { email: string; suggestedName: string; action: Action }) {
  const [state, formAction, pending] = useActionState<AcceptState, FormData>(action, { error: null, fields: {}, name: suggestedName });
  // The new account starts in this device's time zone, so dates, emails and reminders are right from the first day.
  const deviceZone = useDeviceTimeZone();
  return (
    <ActionForm
      action={formAction}
      error={state.error}
      pending={pending}
      submitLabel="Join and sign in"
      pendingLabel="Setting up your account…"
      keepValues
    >
      <input type="hidden" name="email" value={email} />
      <input type="hidden" name="timeZone" value={deviceZone ?? ""} />
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
    </ActionForm>
  );
}
