"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/layout";
import { useTRPC } from "@/components/trpc/client";
import { AppCodeForm } from "./code-form";
import { QrCode } from "./qr-code";
import { RecoveryCodeList } from "./recovery-code-list";

/** Setting up an authenticator: a QR code and the secret as text, a code to confirm, then recovery codes shown once. */
export function SecondFactorSetup({ continueTo }: { continueTo: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const begin = useMutation(trpc.secondFactor.begin.mutationOptions());
  const confirm = useMutation(trpc.secondFactor.confirm.mutationOptions());

  if (confirm.data) {
    return (
      <div className="space-y-4">
        <Notice tone="success" role="status">
          Two-step sign-in is on.
        </Notice>
        <h2 className="text-lg font-semibold">Your recovery codes</h2>
        <RecoveryCodeList codes={confirm.data.recoveryCodes} />
        <Button onClick={() => router.push(continueTo)}>I&apos;ve saved them, continue</Button>
      </div>
    );
  }

  if (!begin.data) {
    return (
      <div className="space-y-3">
        {begin.error ? <Notice tone="danger" role="alert">{begin.error.message}</Notice> : null}
        <Button onClick={() => begin.mutate()} disabled={begin.isPending}>
          {begin.isPending ? "Preparing…" : "Set up two-step sign-in"}
        </Button>
      </div>
    );
  }

  return (
    <div className="space-y-4">
      <p>
        Scan this code with an authenticator app (such as 1Password, Google Authenticator or Microsoft Authenticator), or type in the
        key below.
      </p>
      <QrCode size={begin.data.qrCode.size} path={begin.data.qrCode.path} label="QR code for your authenticator app" />
      <p>
        Key: <code data-testid="totp-secret" className="font-mono text-base">{begin.data.secretGrouped}</code>
      </p>
      <AppCodeForm
        onCode={(code) => confirm.mutate({ code })}
        error={confirm.error}
        pending={confirm.isPending}
        submitLabel="Turn on two-step sign-in"
        pendingLabel="Checking…"
      />
    </div>
  );
}
