import { startTransition, type FormEvent, type ReactNode } from "react";
import { Notice } from "@/components/ui/layout";

/**
 * A form posted to a server action (sign-in, joining): the action's error above the fields and one
 * full-width submit button below, which says it is working while the action runs.
 * With `keepValues`, what the person typed stays in the fields after the action answers (React
 * would otherwise empty them, passwords included, after every error).
 */
export function ActionForm({
  action,
  error,
  pending,
  submitLabel,
  pendingLabel,
  keepValues = false,
  children,
}: {
  action: (formData: FormData) => void;
  error: string | null;
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
  keepValues?: boolean;
  children: ReactNode;
}) {
  // Calling the action in a transition of our own skips React's reset of the form; the `action`
  // attribute stays so the form still works before the page's script has loaded.
  const submitKeepingValues = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => action(data));
  };
  return (
    <form action={action} onSubmit={keepValues ? submitKeepingValues : undefined} className="space-y-4" noValidate>
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
