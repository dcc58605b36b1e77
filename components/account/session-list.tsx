"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { LocalDate } from "@/components/dates/local-date";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/layout";
import { useTRPC } from "@/components/trpc/client";
import type { RouterOutputs } from "@/components/trpc/outputs";

type Session = RouterOutputs["sessions"]["list"][number];

/** Your open sessions; ending one signs that device out at its next request. */
export function SessionList({ sessions }: { sessions: Session[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [signedOut, setSignedOut] = useState<number | null>(null);
  const endOne = useMutation(
    trpc.sessions.endOne.mutationOptions({
      onSuccess: (data) => {
        setSignedOut(data.ended);
        router.refresh();
      },
    }),
  );
  const endMany = useMutation(
    trpc.sessions.endMany.mutationOptions({
      onSuccess: (data, input) => {
        if (input.includingThis) return router.push("/sign-in?ended=1");
        setSignedOut(data.ended);
        router.refresh();
      },
    }),
  );
  const error = endOne.error ?? endMany.error;
  const others = sessions.filter((s) => !s.current).length;
  return (
    <div className="space-y-4">
      {error ? <Notice tone="danger" role="alert">{error.message}</Notice> : null}
      {signedOut !== null && !error ? (
        <Notice tone="success" role="status">
          {signedOut === 1 ? "Done: that session is signed out." : `Done: ${signedOut} sessions are signed out.`}
        </Notice>
      ) : null}
      <ul className="divide-y divide-line rounded-xl border border-line bg-white" aria-label="Your sessions">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
            <div>
              <p className="font-medium">
                {s.browser} on {s.system}
                {s.current ? <span className="ml-2 rounded bg-accent-soft px-2 py-0.5 text-sm text-accent-strong">This device</span> : null}
              </p>
              <p className="text-sm text-muted">
                Signed in <LocalDate date={s.signedInAt} variant="moment" />, last active <LocalDate date={s.lastSeenAt} variant="moment" />
                {s.ipAddress ? ` · from ${s.ipAddress}` : ""}
                {s.pendingStep ? " · waiting for the second step" : ""}
              </p>
            </div>
            {s.current ? null : (
              <Button variant="secondary" disabled={endOne.isPending} onClick={() => endOne.mutate({ sessionId: s.id })}>
                Sign out this session
              </Button>
            )}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-3">
        <Button variant="secondary" disabled={others === 0 || endMany.isPending} onClick={() => endMany.mutate({ includingThis: false })}>
          Sign out all other sessions
        </Button>
        <Button variant="danger" disabled={endMany.isPending} onClick={() => endMany.mutate({ includingThis: true })}>
          Sign out everywhere
        </Button>
      </div>
    </div>
  );
}
