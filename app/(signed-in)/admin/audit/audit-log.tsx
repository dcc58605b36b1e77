"use client";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { SelectField, ShowMoreButton } from "@/components/content/list-bits";
import { TextField } from "@/components/ui/field";
import { EmptyState, Notice } from "@/components/ui/layout";
import { useTRPC } from "@/components/trpc/client";
import { auditActionLabels, auditActionLabel } from "@/lib/audit/action-labels";

const subjectKinds = { answer: "An answer", assignment: "An assignment", article: "An article", exercise: "An exercise", invitation: "An invitation", session: "A session", user: "A person" } as const;
type SubjectKind = keyof typeof subjectKinds;
type Action = keyof typeof auditActionLabels & string;

/** A day picked in the browser, as the start of that day in the viewer's time zone. */
const dayStart = (value: string) => (value ? new Date(`${value}T00:00:00`) : undefined);
const nextDayStart = (value: string) => {
  const start = dayStart(value);
  if (!start) return undefined;
  const next = new Date(start);
  next.setDate(next.getDate() + 1);
  return next;
};

export function AuditLog() {
  const trpc = useTRPC();
  const [personId, setPerson] = useState("");
  const [action, setAction] = useState("");
  const [subjectKind, setSubjectKind] = useState("");
  const [fromDay, setFromDay] = useState("");
  const [untilDay, setUntilDay] = useState("");
  const people = useQuery(trpc.users.list.queryOptions({ limit: 100 }));

  const filter = {
    ...(personId ? { personId } : {}),
    ...(action ? { action: action as never } : {}),
    ...(subjectKind ? { subjectKind: subjectKind as SubjectKind } : {}),
    ...(fromDay ? { from: dayStart(fromDay) } : {}),
    ...(untilDay ? { until: nextDayStart(untilDay) } : {}),
  };
  const events = useInfiniteQuery(trpc.audit.list.infiniteQueryOptions({ ...filter, limit: 50 }, { getNextPageParam: (page) => page.nextCursor }));

  const download = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) download.set(key, value instanceof Date ? value.toISOString() : String(value));

  return (
    <div className="space-y-6">
      <form className="grid gap-4 rounded-xl border border-line bg-white p-4 sm:grid-cols-3" onSubmit={(e) => e.preventDefault()} aria-label="Filter the audit log">
        <SelectField id="audit-person" label="Person" value={personId} onChange={setPerson}>
          <option value="">Anyone</option>
          {(people.data?.items ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField id="audit-action" label="What happened" value={action} onChange={setAction}>
          <option value="">Anything</option>
          {(Object.keys(auditActionLabels) as Action[]).map((a) => (
            <option key={a} value={a}>
              {auditActionLabels[a]}
            </option>
          ))}
        </SelectField>
        <SelectField id="audit-subject" label="About" value={subjectKind} onChange={setSubjectKind}>
          <option value="">Anything</option>
          {(Object.keys(subjectKinds) as SubjectKind[]).map((k) => (
            <option key={k} value={k}>
              {subjectKinds[k]}
            </option>
          ))}
        </SelectField>
        <TextField label="From (day)" type="date" value={fromDay} onChange={(e) => setFromDay(e.target.value)} />
        <TextField label="Until (day, included)" type="date" value={untilDay} onChange={(e) => setUntilDay(e.target.value)} />
        <div className="flex items-end">
          <a className="text-sm font-medium text-accent underline" href={`/admin/audit/export?${download.toString()}`} download>
            Download as CSV
          </a>
        </div>
      </form>

      {events.isPending ? (
        <p className="text-muted">Loading the log…</p>
      ) : events.isError ? (
        <Notice tone="danger" role="alert">{events.error.message}</Notice>
      ) : events.data.pages.every((p) => p.items.length === 0) ? (
        <EmptyState title="Nothing here">No events match these filters.</EmptyState>
      ) : (
        <>
          <ul className="divide-y divide-line rounded-xl border border-line bg-white" aria-label="Audit events">
            {events.data.pages
              .flatMap((p) => p.items)
              .map((e) => (
                <li key={e.id} className="p-4">
                  <p className="font-medium">{auditActionLabel(e.action)}</p>
                  <p className="text-sm text-muted">
                    <time dateTime={e.createdAt.toISOString()}>{e.createdAt.toLocaleString()}</time>
                    {e.actor ? ` · by ${e.actor.name}` : ""}
                    {e.subject && e.subject.id !== e.actor?.id ? ` · concerning ${e.subject.name}` : ""}
                    {e.detail ? ` · ${e.detail}` : ""}
                  </p>
                </li>
              ))}
          </ul>
          <ShowMoreButton query={events} />
        </>
      )}
    </div>
  );
}
