"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/layout";
import { useTRPC } from "@/components/trpc/client";
import { codeErrorMessage } from "./code-error";

/** Turning two-step sign-in off takes a current code from the app. */
export function SecondFactorDisable() {
  const trpc = useTRPC();
  const router = useRouter();
  const [code, setCode] = useState("");
  const disable = useMutation(trpc.secondFactor.disable.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        disable.mutate({ code });
      }}
    >
      {disable.error ? (
        <Notice tone="danger" role="alert">
          {codeErrorMessage(disable.error)}
        </Notice>
      ) : null}
      <TextField
        label="Code from your app"
        name="code"
        autoComplete="one-time-code"
        inputMode="numeric"
        value={code}
        onChange={(event) => setCode(event.target.value)}
        hint="To turn two-step sign-in off, enter a current code."
        required
      />
      <Button type="submit" variant="danger" disabled={disable.isPending}>
        {disable.isPending ? "Turning off…" : "Turn off two-step sign-in"}
      </Button>
    </form>
  );
}
