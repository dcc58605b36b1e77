"use client";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import { endOfLocalDay, todayInputValue } from "@/lib/dates/format";
import { LocalDate } from "@/components/dates/local-date";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/layout";
import { useTRPC } from "@/components/trpc/client";
import type { RouterOutputs } from "@/components/trpc/outputs";
import { quoteTitle } from "@/lib/text/quote-title";

const NOTE_MAX = 2000;
const MAX_CLIENTS = 50;

type Exercise = { id: string; title: string; promptCount: number; articleTitle: string };
type Done = { clients: Pick<RouterOutputs["clients"]["list"]["items"][number], "id" | "name">[] };

/** Who gets the exercise, by when, with what note; then a last look before it's sent. */
export function AssignForm({ exercise, preselectedClientId }: { exercise: Exercise; preselectedClientId?: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const roster = useInfiniteQuery(trpc.clients.list.infiniteQueryOptions({ limit: 100 }, { getNextPageParam: (page) => page.nextCursor }));
  const [chosen, setChosen] = useState<string[]>(preselectedClientId ? [preselectedClientId] : []);
  const [dueDate, setDueDate] = useState("");
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  // The browser's own "today" (the server can't know the coach's time zone).
  const today = useSyncExternalStore(subscribeNever, todayInputValue, () => undefined);
  const reviewHeading = useRef<HTMLHeadingElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (reviewing) reviewHeading.current?.focus();
  }, [reviewing]);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const assign = useMutation(
    trpc.assignments.create.mutationOptions({
      onSuccess: () => {
        setDone({ clients: clients.filter((c) => chosen.includes(c.id)) });
        setReviewing(false);
        setChosen([]);
        setDueDate("");
        setNote("");
        void queryClient.invalidateQueries({ queryKey: trpc.assignments.listForCoach.pathKey() });
      },
    }),
  );

  const clients = roster.data?.pages.flatMap((page) => page.items).filter((c) => !c.disabled) ?? [];
  const chosenClients = clients.filter((c) => chosen.includes(c.id));
  const dueAt = dueDate ? endOfLocalDay(dueDate) : null;

  function toggle(id: string, checked: boolean) {
    setChosen((previous) => (checked ? [...previous, id] : previous.filter((c) => c !== id)));
  }

  function review(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(null);
    if (chosenClients.length === 0) return setProblem("Please choose at least one client.");
    if (chosenClients.length > MAX_CLIENTS) return setProblem(`Please choose up to ${MAX_CLIENTS} clients at a time.`);
    if (dueDate && (!dueAt || isPast(dueAt))) return setProblem("Please pick a due date from today onwards, or leave it empty.");
    setProblem(null);
    setReviewing(true);
  }

  function confirm() {
    assign.mutate({
      exerciseId: exercise.id,
      clientIds: chosenClients.map((c) => c.id),
      dueAt: dueAt ?? null,
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  }

  if (done) {
    return (
      <div ref={doneRef} tabIndex={-1} className="space-y-4">
        <Notice tone="success" role="status">
          {quoteTitle(exercise.title)} is now with {listNames(done.clients.map((c) => c.name))}. They&apos;ll find it on their home page.
        </Notice>
        <ul className="space-y-1">
          {done.clients.map((c) => (
            <li key={c.id}>
              <Link className="font-medium text-accent-strong underline underline-offset-4" href={`/coach/clients/${c.id}`} prefetch={false}>
                Go to {c.name}&apos;s page
              </Link>
            </li>
          ))}
        </ul>
        <Button variant="secondary" onClick={() => setDone(null)}>
          Assign it to someone else too
        </Button>
      </div>
    );
  }

  if (reviewing) {
    return (
      <section aria-labelledby="assign-review" className="space-y-4 rounded-xl border border-accent/50 bg-white p-4 sm:p-5">
        <h2 id="assign-review" ref={reviewHeading} tabIndex={-1} className="text-lg font-semibold">
          Ready to send?
        </h2>
        {assign.isError ? (
          <Notice tone="danger" role="alert">
            {assign.error.message}
          </Notice>
        ) : null}
        <dl className="space-y-2">
          <div>
            <dt className="text-sm text-muted">Exercise</dt>
            <dd className="font-medium">{exercise.title}</dd>
          </div>
          <div>
            <dt className="text-sm text-muted">For</dt>
            <dd>{listNames(chosenClients.map((c) => c.name))}</dd>
          </div>
          <div>
            <dt className="text-sm text-muted">Due</dt>
            <dd>{dueAt ? <LocalDate date={dueAt} /> : "No due date"}</dd>
          </div>
          <div>
            <dt className="text-sm text-muted">Your note</dt>
            <dd className="whitespace-pre-wrap break-words">{note.trim() || "No note"}</dd>
          </div>
        </dl>
        <div className="flex flex-wrap gap-2">
          <Button onClick={confirm} disabled={assign.isPending}>
            {assign.isPending ? "Assigning…" : "Assign"}
          </Button>
          <Button variant="secondary" onClick={() => setReviewing(false)} disabled={assign.isPending}>
            Change something
          </Button>
        </div>
      </section>
    );
  }

  return (
    <form onSubmit={review} className="space-y-6" noValidate>
      {problem ? (
        <Notice tone="danger" role="alert">
          {problem}
        </Notice>
      ) : null}
      <fieldset className="min-w-0">
        <legend className="text-sm font-medium text-ink">Who is it for?</legend>
        {roster.isPending ? <p className="mt-2 text-muted">Loading your clients…</p> : null}
        {roster.isError ? (
          <Notice tone="danger" role="alert">
            We couldn&apos;t load your clients just now. Please refresh the page.
          </Notice>
        ) : null}
        {roster.isSuccess && clients.length === 0 ? (
          <p className="mt-2 text-muted">
            You have no clients yet.{" "}
            <Link href="/coach/invitations" className="text-accent-strong underline underline-offset-4">
              Invite a client
            </Link>{" "}
            first.
          </p>
        ) : null}
        <ul className="mt-2 grid gap-2 sm:grid-cols-2">
          {clients.map((client) => (
            <li key={client.id}>
              <label className="flex cursor-pointer items-center gap-3 rounded-lg border border-line bg-white px-3 py-2 has-[:checked]:border-accent">
                <input
                  type="checkbox"
                  className="h-5 w-5 accent-accent-strong"
                  checked={chosen.includes(client.id)}
                  onChange={(event) => toggle(client.id, event.target.checked)}
                />
                <span>{client.name}</span>
              </label>
            </li>
          ))}
        </ul>
        {roster.hasNextPage ? (
          <Button variant="quiet" className="mt-2" onClick={() => void roster.fetchNextPage()} disabled={roster.isFetchingNextPage}>
            Show more clients
          </Button>
        ) : null}
      </fieldset>
      <TextField
        label="Due date (optional)"
        hint="Due at the end of that day, in your time zone."
        type="date"
        min={today}
        value={dueDate}
        onChange={(event) => setDueDate(event.target.value)}
        className="max-w-xs"
      />
      <TextAreaField
        label="A personal note (optional)"
        hint="Shown to your client with the exercise."
        rows={4}
        maxLength={NOTE_MAX}
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      <Button type="submit">Review and assign</Button>
    </form>
  );
}

const subscribeNever = () => () => {};
const isPast = (date: Date) => date.getTime() < Date.now();

function listNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
