"use client";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { ShowMoreButton } from "@/components/content/list-bits";
import { LocalDate } from "@/components/dates/local-date";
import { Button } from "@/components/ui/button";
import { EmptyState, Notice } from "@/components/ui/layout";
import { useTRPC } from "@/components/trpc/client";

const statusText = {
  pending: "Waiting for them to join",
  accepted: "Joined",
  expired: "Link expired",
  revoked: "Withdrawn",
} as const;

const statusTone = {
  pending: "border-accent/40 bg-accent-soft text-accent-strong",
  accepted: "border-accent bg-accent text-white",
  expired: "border-line bg-stone-100 text-muted",
  revoked: "border-line bg-stone-100 text-muted",
} as const;

/** Sent invitations, newest first, with their status; a pending one can be withdrawn. */
export function InvitationList({ showRole = false }: { showRole?: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invitations = useInfiniteQuery(trpc.invitations.list.infiniteQueryOptions({ limit: 20 }, { getNextPageParam: (page) => page.nextCursor }));
  const revoke = useMutation(
    trpc.invitations.revoke.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.invitations.list.pathKey() }),
    }),
  );

  if (invitations.isPending) return <p className="text-muted">Loading invitations…</p>;
  if (invitations.isError)
    return (
      <Notice tone="danger" role="alert">
        We couldn&apos;t load your invitations just now. Please refresh the page.
      </Notice>
    );
  const rows = invitations.data.pages.flatMap((page) => page.items);
  if (rows.length === 0) return <EmptyState title="No invitations yet">Invitations you send will be listed here.</EmptyState>;

  return (
    <div className="space-y-4">
      {revoke.isError ? (
        <Notice tone="danger" role="alert">
          {revoke.error.message}
        </Notice>
      ) : null}
      <ul className="divide-y divide-line rounded-xl border border-line bg-white">
        {rows.map((invitation) => (
          <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
            <div className="min-w-0">
              <p className="break-all font-medium">{invitation.email}</p>
              <p className="text-sm text-muted">
                {showRole ? `${invitation.role === "coach" ? "Coach" : "Client"} · ` : ""}
                <LocalDate date={invitation.createdAt} prefix="Sent " />
                {invitation.status === "pending" ? (
                  <>
                    {" · "}
                    <LocalDate date={invitation.expiresAt} prefix="link works until " />
                  </>
                ) : null}
              </p>
            </div>
            <div className="flex items-center gap-3">
              <span className={`rounded-full border px-2 py-0.5 text-xs font-medium ${statusTone[invitation.status]}`}>{statusText[invitation.status]}</span>
              {invitation.status === "pending" ? (
                <Button
                  variant="secondary"
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate({ id: invitation.id })}
                  aria-label={`Withdraw the invitation to ${invitation.email}`}
                >
                  Withdraw
                </Button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      <ShowMoreButton query={invitations} />
    </div>
  );
}
