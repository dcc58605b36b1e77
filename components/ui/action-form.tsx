import type { ReactNode } from "react";
import { Notice } from "@/components/ui/layout";

/**
 * A form posted to a server action (sign-in, joining): the action's error above the fields and one
 * full-width submit button below, which says it is working while the action runs.
 */
export function ActionForm({
  action,
  error,
  pending,
  submitLabel,
  pendingLabel,
  children,
}: {
  action: (formData: FormData) => void;
  error: string | null;
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
  children: ReactNode;
}) {
  return (
    <form action={action} className="space-y-4" noValidate>
      {error ? (
        <Notice tone="danger" role="alert">
          {error}
        </Notice>
      ) : null}
      {children}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-lg bg-accent px-4 py-2.5 font-medium text-white hover:bg-accent-strong disabled:opacity-60"
      >
        {pending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}
