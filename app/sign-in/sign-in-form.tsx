"use client";
import { useActionState, useState } from "react";
import { browserTimeZone } from "@/components/dates/time-zone";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/field";
import { signInAction, type SignInState } from "./actions";

export function SignInForm({ next }: { next: string }) {
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signInAction, { error: null, email: "" });
  // The device's time zone goes with the form, for an account that never chose one (decision 0032). Read once the
  // person starts, not while the page loads: loading the browser's time-zone data took 40–100 ms here, more on a phone.
  const [deviceTimeZone, setDeviceTimeZone] = useState("");
  const readDeviceTimeZone = () => {
    if (!deviceTimeZone) setDeviceTimeZone(browserTimeZone());
  };
  return (
    <ActionForm action={formAction} error={state.error} pending={pending} submitLabel="Sign in" pendingLabel="Signing in…">
      <input type="hidden" name="next" value={next} />
      <input type="hidden" name="deviceTimeZone" value={deviceTimeZone} />
      <div className="space-y-4" onFocus={readDeviceTimeZone}>
        <TextField label="Email" name="email" type="email" autoComplete="email" required defaultValue={state.email} />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      </div>
    </ActionForm>
  );
}
