"use client";
import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Notice } from "@/components/ui/layout";
import { emptyFormState, type AccountFormState } from "./form-state";

type Action = (previous: AccountFormState) => Promise<AccountFormState>;

/** A button, not a visit: opening the link changes nothing until the person confirms. */
export function ConfirmEmailForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState<AccountFormState>(action, emptyFormState);
  if (state.done) {
    return (
      <Notice tone="success" role="status">
        {state.done}
      </Notice>
    );
  }
  return <ActionForm action={formAction} error={state.error} pending={pending} submitLabel="Use this address" pendingLabel="Confirming…">{null}</ActionForm>;
}
