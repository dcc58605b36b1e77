"use client";
import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { emptyFormState, type AccountFormState } from "./form-state";
import { NewPasswordFields } from "./new-password-fields";

type Action = (previous: AccountFormState, formData: FormData) => Promise<AccountFormState>;

export function ResetPasswordForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState<AccountFormState, FormData>(action, emptyFormState);
  return (
    <ActionForm action={formAction} error={state.error} pending={pending} submitLabel="Save my new password" pendingLabel="Saving…">
      <NewPasswordFields name="password" errors={state.fields} />
    </ActionForm>
  );
}
