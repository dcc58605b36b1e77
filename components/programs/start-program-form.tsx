"use client";
import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState, useSyncExternalStore, type FormEvent } from "react";
import { todayInputValue } from "@/lib/dates/format";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/layout";
import { useTRPC } from "@/components/trpc/client";

type Program = { id: string; name: string; description: string; stepCount: number };
const subscribeNever = () => () => {};

/** Which program, for whom, from which day: the first step opens on that day in each client's own time zone. */
export function StartProgramForm({ programs, preselectedClientId }: { programs: Program[]; preselectedClientId?: string }) {
  const trpc = useTRPC();
  const roster = useInfiniteQuery(trpc.clients.list.infiniteQueryOptions({ limit: 100 }, { getNextPageParam: (page) => page.nextCursor }));
  const today = useSyncExternalStore(subscribeNever, todayInputValue, () => "");
  const [programId, setProgramId] = useState(programs[0]?.id ?? "");
  const [chosen, setChosen] = useState<string[]>(preselectedClientId ? [preselectedClientId] : []);
  const [startDate, setStartDate] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [started, setStarted] = useState<string[] | null>(null);
  const clients = roster.data?.pages.flatMap((page) => page.items).filter((c) => !c.disabled) ?? [];
  const start = useMutation(
    trpc.enrolments.create.mutationOptions({
      onSuccess: () => {
        setStarted(clients.filter((c) => chosen.includes(c.id)).map((c) => c.name));
        setChosen([]);
      },
    }),
  );
  const program = programs.find((p) => p.id === programId);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStarted(null);
    const day = startDate || today;
    if (chosen.length === 0) return setProblem("Please choose at least one client.");
    if (!day) return setProblem("Please pick a start date.");
    setProblem(null);
    start.mutate({ programId, clientIds: chosen, startDate: day });
  }

  return (
    <form onSubmit={submit} className="max-w-2xl space-y-6" noValidate>
      {started ? (
        <Notice tone="success" role="status">
          {program?.name} has started for {started.join(", ")}. The first step opens on its day; they&apos;ll get an email when it does.
        </Notice>
      ) : null}
      {problem || start.error ? (
        <Notice tone="danger" role="alert">
          {problem ?? start.error?.message}
        </Notice>
      ) : null}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Program</legend>
        {programs.map((p) => (
          <label key={p.id} className="flex gap-3 rounded-lg border border-line bg-white p-3">
            <input type="radio" name="program" value={p.id} checked={programId === p.id} onChange={() => setProgramId(p.id)} className="mt-1" />
            <span>
              <span className="block font-medium">{p.name}</span>
              <span className="block text-sm text-muted">
                {p.stepCount} {p.stepCount === 1 ? "step" : "steps"}. {p.description}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">For</legend>
        {roster.isPending ? <p className="text-sm text-muted">Loading your clients…</p> : null}
        {!roster.isPending && clients.length === 0 ? (
          <p className="text-sm text-muted">
            You don&apos;t have clients yet. <Link className="text-accent-strong underline" href="/coach/invitations">Invite someone</Link> first.
          </p>
        ) : null}
        {clients.map((c) => (
          <label key={c.id} className="flex items-center gap-3">
            <input
              type="checkbox"
              checked={chosen.includes(c.id)}
              onChange={(event) => setChosen((previous) => (event.target.checked ? [...previous, c.id] : previous.filter((id) => id !== c.id)))}
            />
            {c.name}
          </label>
        ))}
      </fieldset>
      <TextField
        label="Start date"
        hint="The day the first step opens, on each client's own calendar."
        type="date"
        min={today || undefined}
        value={startDate || today}
        onChange={(event) => setStartDate(event.target.value)}
        className="max-w-xs"
      />
      <Button type="submit" disabled={start.isPending}>
        {start.isPending ? "Starting…" : "Start the program"}
      </Button>
    </form>
  );
}
