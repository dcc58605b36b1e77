"use client";
import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/layout";
import { emptyFormState, type AccountFormState } from "./form-state";

type Action = (previous: AccountFormState, formData: FormData) => Promise<AccountFormState>;

export function ForgotPasswordForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState<AccountFormState, FormData>(action, emptyFormState);
  if (state.done) {
    return (
      <Notice tone="success" role="status">
        {state.done} If nothing arrives in a few minutes, please check your spam folder.
      </Notice>
    );
  }
  return (
    <ActionForm action={formAction} error={state.error} pending={pending} submitLabel="Send me a link" pendingLabel="Sending…">
      <TextField label="Email" name="email" type="email" autoComplete="email" required error={state.fields.email} />
    </ActionForm>
  );
}
