"use client";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { ShowMoreButton } from "@/components/content/list-bits";
import { Button } from "@/components/ui/button";
import { EmptyState, Notice } from "@/components/ui/layout";
import { useTRPC } from "@/components/trpc/client";

const roleLabel = { admin: "Admin", coach: "Coach", client: "Client" } as const;

export function PeopleList({ currentUserId }: { currentUserId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const people = useInfiniteQuery(
    trpc.users.list.infiniteQueryOptions(
      { limit: 50 },
      { getNextPageParam: (page) => page.nextCursor },
    ),
  );
  const toggle = useMutation(
    trpc.users.setDisabled.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.users.list.pathKey() }),
    }),
  );

  if (people.isPending) return <p className="text-muted">Loading people…</p>;
  if (people.isError) return <Notice tone="danger" role="alert">We couldn&apos;t load the list just now. Please refresh the page.</Notice>;
  const rows = people.data.pages.flatMap((page) => page.items);
  if (rows.length === 0) return <EmptyState title="No one here yet" />;

  return (
    <div className="space-y-4">
      {toggle.isError ? <Notice tone="danger" role="alert">{toggle.error.message}</Notice> : null}
      <ul className="divide-y divide-line rounded-xl border border-line bg-white">
        {rows.map((person) => (
          <li key={person.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
            <div className="min-w-0">
              <p className="font-medium">
                {person.name} {person.disabled ? <span className="ml-2 rounded bg-stone-200 px-2 py-0.5 text-xs">Disabled</span> : null}
              </p>
              <p className="truncate text-sm text-muted">
                {roleLabel[person.role]} · {person.email}
              </p>
            </div>
            {person.id === currentUserId ? (
              <span className="text-sm text-muted">This is you</span>
            ) : (
              <Button
                variant={person.disabled ? "secondary" : "danger"}
                disabled={toggle.isPending}
                onClick={() => toggle.mutate({ userId: person.id, disabled: !person.disabled })}
                aria-label={`${person.disabled ? "Enable" : "Disable"} ${person.name}`}
              >
                {person.disabled ? "Enable" : "Disable"}
              </Button>
            )}
          </li>
        ))}
      </ul>
      <ShowMoreButton query={people} />
    </div>
  );
}
