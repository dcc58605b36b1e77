"use client";
import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { secondStepAction, type SecondStepState } from "./actions";

export function SecondStepForm({ next }: { next: string }) {
  const [state, formAction, pending] = useActionState<SecondStepState, FormData>(secondStepAction, { error: null });
  return (
    <ActionForm action={formAction} error={state.error} pending={pending} submitLabel="Continue" pendingLabel="Checking…">
      <input type="hidden" name="next" value={next} />
      <TextField
        label="Code"
        name="code"
        autoComplete="one-time-code"
        inputMode="text"
        required
        hint="The six-digit code from your authenticator app, or one of your recovery codes."
      />
    </ActionForm>
  );
}
