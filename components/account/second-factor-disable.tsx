"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc/client";
import { AppCodeForm } from "./code-form";

/** Turning two-step sign-in off takes a current code from the app. */
export function SecondFactorDisable() {
  const trpc = useTRPC();
  const router = useRouter();
  const disable = useMutation(trpc.secondFactor.disable.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <AppCodeForm
      onCode={(code) => disable.mutate({ code })}
      error={disable.error}
      pending={disable.isPending}
      hint="To turn two-step sign-in off, enter a current code."
      submitLabel="Turn off two-step sign-in"
      pendingLabel="Turning off…"
      variant="danger"
    />
  );
}
