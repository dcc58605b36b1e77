"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { SelectField } from "@/components/content/list-bits";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/layout";
import { useTRPC } from "@/components/trpc/client";

/**
 * For someone who lost their phone and their recovery codes: the admin turns their two-step sign-in off,
 * after a second, explicit confirmation that names the person and what will happen.
 */
export function SecondFactorReset() {
  const trpc = useTRPC();
  const people = useQuery(trpc.secondFactor.listEnabled.queryOptions());
  const [userId, setUserId] = useState("");
  const [confirming, setConfirming] = useState(false);
  const reset = useMutation(
    trpc.secondFactor.reset.mutationOptions({
      onSuccess: () => {
        setConfirming(false);
        setUserId("");
        void people.refetch();
      },
    }),
  );
  const confirmButton = useRef<HTMLButtonElement>(null);
  const resultNotice = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (reset.isSuccess) resultNotice.current?.focus();
  }, [reset.isSuccess]);

  if (people.isPending) return <p className="text-muted">Loading…</p>;
  if (people.isError) return <Notice tone="danger" role="alert">We couldn&apos;t load that list just now. Please refresh the page.</Notice>;
  const chosen = people.data.find((p) => p.id === userId);
  return (
    <div className="space-y-4">
      {reset.isSuccess ? (
        <div ref={resultNotice} tabIndex={-1}>
          <Notice tone="success" role="status">
            Two-step sign-in is off for that person, and they&apos;ve been signed out everywhere. We&apos;ve let them know by email.
          </Notice>
        </div>
      ) : null}
      {reset.isError ? <Notice tone="danger" role="alert">{reset.error.message}</Notice> : null}
      {people.data.length === 0 ? (
        <p className="text-muted">Nobody else in your practice has two-step sign-in on.</p>
      ) : (
        <>
          <SelectField
            id="second-factor-reset-person"
            label="Person"
            value={userId}
            onChange={(value) => {
              setUserId(value);
              setConfirming(false);
            }}
          >
            <option value="">Choose someone…</option>
            {people.data.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.role}, {p.email})
              </option>
            ))}
          </SelectField>
          {chosen && confirming ? (
            <div className="space-y-3 rounded-lg border border-line bg-stone-50 p-4">
              <p>
                This turns off two-step sign-in for {chosen.name} and signs them out on every device. They can then sign in with their
                password alone until they set it up again. Please do this only when {chosen.name} has asked and you&apos;re sure it&apos;s them.
              </p>
              <div className="flex flex-wrap gap-3">
                <Button ref={confirmButton} variant="danger" disabled={reset.isPending} onClick={() => reset.mutate({ userId: chosen.id })}>
                  {reset.isPending ? "Resetting…" : `Reset ${chosen.name}'s two-step sign-in`}
                </Button>
                <Button variant="secondary" onClick={() => setConfirming(false)}>
                  Keep it as it is
                </Button>
              </div>
            </div>
          ) : (
            <Button variant="secondary" disabled={!chosen} onClick={() => setConfirming(true)}>
              Reset two-step sign-in…
            </Button>
          )}
        </>
      )}
    </div>
  );
}
