"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/layout";
import { codeErrorMessage } from "./code-error";

/** The one form that asks for a code from the authenticator app: turning two-step sign-in on or off. */
export function AppCodeForm({
  onCode,
  error,
  pending,
  hint,
  submitLabel,
  pendingLabel,
  variant,
}: {
  onCode: (code: string) => void;
  error: { message: string; data?: unknown } | null;
  pending: boolean;
  hint?: string;
  submitLabel: string;
  pendingLabel: string;
  variant?: "danger";
}) {
  const [code, setCode] = useState("");
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        onCode(code);
      }}
    >
      {error ? (
        <Notice tone="danger" role="alert">
          {codeErrorMessage(error)}
        </Notice>
      ) : null}
      <TextField
        label="Code from your app"
        name="code"
        autoComplete="one-time-code"
        inputMode="numeric"
        value={code}
        onChange={(event) => setCode(event.target.value)}
        hint={hint}
        required
      />
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? pendingLabel : submitLabel}
      </Button>
    </form>
  );
}
