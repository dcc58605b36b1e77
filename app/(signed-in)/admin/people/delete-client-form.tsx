"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { SelectField } from "@/components/content/list-bits";
import { useTRPC } from "@/components/trpc/client";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/layout";
import { FORMER_CLIENT_NAME } from "@/lib/account/former-client";

/**
 * Deleting a client's account when they ask the practice to (decision 0018): the same erasure as the
 * client's own "Delete my account", confirmed with the admin's own password.
 */
export function DeleteClientForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const clients = useQuery(trpc.users.list.queryOptions({ role: "client", limit: 100 }));
  const [clientId, setClientId] = useState("");
  const [password, setPassword] = useState("");
  const [deletedName, setDeletedName] = useState<string | null>(null);
  const remove = useMutation(
    trpc.clientData.deleteClient.mutationOptions({
      onSuccess: () => {
        setClientId("");
        setPassword("");
        void queryClient.invalidateQueries({ queryKey: trpc.users.list.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.handover.coaches.queryKey() });
      },
    }),
  );

  if (clients.isPending) return <p className="text-muted">Loading clients…</p>;
  if (clients.isError) return <Notice tone="danger" role="alert">We couldn&apos;t load the clients just now. Please refresh the page.</Notice>;
  // Accounts already deleted stay as "Former client" rows (their coach keeps their notes): nothing left to delete there.
  const living = clients.data.items.filter((c) => c.name !== FORMER_CLIENT_NAME);
  const chosen = living.find((c) => c.id === clientId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    setDeletedName(chosen.name);
    remove.mutate({ clientId: chosen.id, password });
  };

  return (
    <form onSubmit={submit} className="space-y-4">
      {remove.isError ? <Notice tone="danger" role="alert">{remove.error.message}</Notice> : null}
      {remove.isSuccess && deletedName ? (
        <Notice tone="success" role="status">
          {deletedName}&apos;s account and everything they wrote are deleted.
        </Notice>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField id="delete-client" label="Client whose account to delete" value={clientId} onChange={setClientId}>
          <option value="">Choose a client</option>
          {living.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.email})
            </option>
          ))}
        </SelectField>
        <TextField
          id="delete-client-password"
          label="Your password"
          hint="To confirm it's you asking."
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      {chosen ? (
        <p className="text-sm text-ink">
          This erases everything {chosen.name} wrote: answers, shared or not, and the comments on them. Their coach keeps their own
          private notes, under &ldquo;Former client&rdquo;. It can&apos;t be undone.
        </p>
      ) : null}
      <Button type="submit" variant="danger" disabled={!chosen || password === "" || remove.isPending}>
        {remove.isPending ? "Deleting…" : "Delete this client's account"}
      </Button>
    </form>
  );
}
