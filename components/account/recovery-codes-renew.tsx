"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/layout";
import { useTRPC } from "@/components/trpc/client";
import { AppCodeForm } from "./code-form";
import { RecoveryCodeList } from "./recovery-code-list";

/** Ten new recovery codes in place of the old ones, for a current code from the app. */
export function RecoveryCodesRenew() {
  const trpc = useTRPC();
  const router = useRouter();
  const renew = useMutation(trpc.secondFactor.renewRecoveryCodes.mutationOptions());
  const heading = useRef<HTMLHeadingElement>(null);
  // The new codes replace the form: take focus to them, so a keyboard or screen reader user lands on what changed.
  useEffect(() => {
    if (renew.data) heading.current?.focus();
  }, [renew.data]);

  if (renew.data) {
    return (
      <div className="space-y-4">
        <h3 ref={heading} tabIndex={-1} className="text-base font-semibold">
          Your new recovery codes
        </h3>
        <Notice tone="success" role="status">
          Your old recovery codes no longer work.
        </Notice>
        <RecoveryCodeList codes={renew.data.recoveryCodes} />
        <Button
          onClick={() => {
            renew.reset();
            router.refresh();
          }}
        >
          I&apos;ve saved them
        </Button>
      </div>
    );
  }
  return (
    <AppCodeForm
      onCode={(code) => renew.mutate({ code })}
      error={renew.error}
      pending={renew.isPending}
      hint="Used some up, or lost the list? New codes replace all the old ones."
      submitLabel="Make new recovery codes"
      pendingLabel="Making new codes…"
    />
  );
}
