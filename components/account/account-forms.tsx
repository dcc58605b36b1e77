"use client";
import { useActionState, useEffect, useState } from "react";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/layout";
import { emptyFormState, type AccountFormState } from "./form-state";
import { NewPasswordFields } from "./new-password-fields";

type Action = (previous: AccountFormState, formData: FormData) => Promise<AccountFormState>;

function SectionForm({ title, description, action, submitLabel, children }: { title: string; description: string; action: Action; submitLabel: string; children: (state: AccountFormState) => React.ReactNode }) {
  const [state, formAction, pending] = useActionState<AccountFormState, FormData>(action, emptyFormState);
  return (
    <section aria-labelledby={`${submitLabel}-title`.replace(/\W+/g, "-")} className="rounded-xl border border-line bg-white p-4 sm:p-5">
      <h2 id={`${submitLabel}-title`.replace(/\W+/g, "-")} className="text-lg font-semibold">
        {title}
      </h2>
      <p className="mt-1 text-sm text-muted">{description}</p>
      <form action={formAction} className="mt-4 space-y-4" noValidate>
        {state.error ? (
          <Notice tone="danger" role="alert">
            {state.error}
          </Notice>
        ) : null}
        {state.done ? (
          <Notice tone="success" role="status">
            {state.done}
          </Notice>
        ) : null}
        {children(state)}
        <button type="submit" disabled={pending} className="rounded-lg bg-accent px-4 py-2 font-medium text-white hover:bg-accent-strong disabled:opacity-60">
          {pending ? "Saving…" : submitLabel}
        </button>
      </form>
    </section>
  );
}

/** Name and time zone; the browser's own zone is offered when it differs from the saved one. */
export function ProfileForm({ action, name, timeZone, zones }: { action: Action; name: string; timeZone: string; zones: string[] }) {
  const [zone, setZone] = useState(timeZone);
  const [browserZone, setBrowserZone] = useState<string | null>(null);
  useEffect(() => {
    const detected = Intl.DateTimeFormat().resolvedOptions().timeZone;
    // Read once after mounting: the server can't know the browser's zone.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (detected && zones.includes(detected)) setBrowserZone(detected);
  }, [zones]);
  return (
    <SectionForm title="Your name and time zone" description="Your name is how your practice sees you. Dates in Hearth, and in the emails we send you, are in your time zone." action={action} submitLabel="Save name and time zone">
      {(state) => (
        <>
          <TextField label="Name" name="name" autoComplete="name" required maxLength={100} defaultValue={name} error={state.fields.name} />
          <div>
            <label htmlFor="time-zone" className="block text-sm font-medium text-ink">
              Time zone
            </label>
            <select
              id="time-zone"
              name="timeZone"
              value={zone}
              onChange={(event) => setZone(event.target.value)}
              aria-invalid={state.fields.timeZone ? true : undefined}
              className="mt-1 block w-full rounded-lg border border-line bg-white px-3 py-2 text-ink"
            >
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z.replace(/_/g, " ")}
                </option>
              ))}
            </select>
            {browserZone && browserZone !== zone ? (
              <p className="mt-1 text-sm text-muted">
                This device is set to {browserZone.replace(/_/g, " ")}.{" "}
                <button type="button" onClick={() => setZone(browserZone)} className="font-medium text-accent-strong underline underline-offset-4">
                  Use it
                </button>
              </p>
            ) : null}
            {state.fields.timeZone ? <p className="mt-1 text-sm text-danger">{state.fields.timeZone}</p> : null}
          </div>
        </>
      )}
    </SectionForm>
  );
}

export function EmailForm({ action, email }: { action: Action; email: string }) {
  return (
    <SectionForm
      title="Email address"
      description={`You sign in with ${email}. To change it, we'll send a link to the new address; your old address is told too.`}
      action={action}
      submitLabel="Send a confirmation link"
    >
      {(state) => (
        <>
          <TextField label="New email address" name="newEmail" type="email" autoComplete="email" required error={state.fields.newEmail} />
          <TextField label="Your current password" name="currentPassword" type="password" autoComplete="current-password" required error={state.fields.currentPassword} />
        </>
      )}
    </SectionForm>
  );
}

export function PasswordForm({ action }: { action: Action }) {
  return (
    <SectionForm title="Password" description="Changing it signs you out on every other device; you stay signed in here." action={action} submitLabel="Change password">
      {(state) => (
        <>
          <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={state.fields.currentPassword} />
          <NewPasswordFields name="newPassword" errors={state.fields} />
        </>
      )}
    </SectionForm>
  );
}
