"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { SelectField } from "@/components/content/list-bits";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/layout";
import { useTRPC } from "@/components/trpc/client";

const ALL = "all";

export function HandoverForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const coaches = useQuery(trpc.handover.coaches.queryOptions());
  const [fromCoachId, setFrom] = useState("");
  const [clientId, setClient] = useState(ALL);
  const [toCoachId, setTo] = useState("");
  const handOver = useMutation(
    trpc.handover.handOver.mutationOptions({
      onSuccess: () => {
        setClient(ALL);
        void queryClient.invalidateQueries({ queryKey: trpc.handover.coaches.queryKey() });
      },
    }),
  );

  if (coaches.isPending) return <p className="text-muted">Loading coaches…</p>;
  if (coaches.isError) return <Notice tone="danger" role="alert">We couldn&apos;t load the coaches just now. Please refresh the page.</Notice>;
  const list = coaches.data;
  const from = list.find((c) => c.id === fromCoachId);
  const targets = list.filter((c) => c.id !== fromCoachId && !c.disabled);
  const to = list.find((c) => c.id === toCoachId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!from || !to) return;
    handOver.mutate({ fromCoachId: from.id, toCoachId: to.id, clients: clientId === ALL ? "all" : [clientId] });
  };

  return (
    <form onSubmit={submit} className="space-y-4">
      {handOver.isError ? <Notice tone="danger" role="alert">{handOver.error.message}</Notice> : null}
      {handOver.isSuccess ? (
        <Notice tone="success" role="status">
          {handOver.data.clientIds.length === 1 ? "1 client was" : `${handOver.data.clientIds.length} clients were`} handed over.
        </Notice>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField id="handover-from" label="From coach" value={fromCoachId} onChange={(v) => { setFrom(v); setClient(ALL); if (v === toCoachId) setTo(""); }}>
          <option value="">Choose a coach</option>
          {list.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({c.clients.length} {c.clients.length === 1 ? "client" : "clients"})
            </option>
          ))}
        </SelectField>
        <SelectField id="handover-client" label="Client" value={clientId} onChange={setClient}>
          <option value={ALL}>All of their clients</option>
          {(from?.clients ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <SelectField id="handover-to" label="To coach" value={toCoachId} onChange={setTo}>
          <option value="">Choose a coach</option>
          {targets.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
      </div>
      <Button type="submit" disabled={!from || !to || from.clients.length === 0 || handOver.isPending}>
        {handOver.isPending ? "Handing over…" : "Hand over"}
      </Button>
    </form>
  );
}
