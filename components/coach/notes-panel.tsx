"use client";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ShowMoreButton } from "@/components/content/list-bits";
import { LocalDate } from "@/components/dates/local-date";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { Notice } from "@/components/ui/layout";
import { useTRPC } from "@/components/trpc/client";
import type { RouterOutputs } from "@/components/trpc/outputs";

const NOTE_MAX = 10_000;

/** A coach's private notes on one client. The client never sees them. */
export function NotesPanel({ clientId, clientName }: { clientId: string; clientName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState("");
  const notes = useInfiniteQuery(trpc.notes.list.infiniteQueryOptions({ clientId, limit: 20 }, { getNextPageParam: (page) => page.nextCursor }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.notes.list.pathKey() });
  const create = useMutation(
    trpc.notes.create.mutationOptions({
      onSuccess: () => {
        setDraft("");
        void refresh();
      },
    }),
  );

  function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (draft.trim()) create.mutate({ clientId, body: draft.trim() });
  }

  const rows = notes.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby="private-notes" className="rounded-xl border border-line bg-white p-4 sm:p-5">
      <h2 id="private-notes" className="text-lg font-semibold">
        Private notes
      </h2>
      <p className="mt-1 text-sm font-medium text-accent-strong">Only you can see these notes. {clientName} never sees them.</p>
      <form onSubmit={add} className="mt-4 space-y-3">
        {create.isError ? (
          <Notice tone="danger" role="alert">
            {create.error.message}
          </Notice>
        ) : null}
        <TextAreaField label="New note" rows={4} maxLength={NOTE_MAX} value={draft} onChange={(event) => setDraft(event.target.value)} />
        <Button type="submit" disabled={create.isPending || !draft.trim()}>
          {create.isPending ? "Saving…" : "Save note"}
        </Button>
      </form>
      <div className="mt-6">
        {notes.isPending ? <p className="text-muted">Loading notes…</p> : null}
        {notes.isError ? (
          <Notice tone="danger" role="alert">
            We couldn&apos;t load your notes just now. Please refresh the page.
          </Notice>
        ) : null}
        {notes.isSuccess && rows.length === 0 ? <p className="text-sm text-muted">No notes yet.</p> : null}
        <ul className="space-y-3">
          {rows.map((note) => (
            <NoteItem key={note.id} note={note} onChanged={refresh} />
          ))}
        </ul>
        <ShowMoreButton query={notes} className="mt-3" />
      </div>
    </section>
  );
}

type Note = Pick<RouterOutputs["notes"]["list"]["items"][number], "id" | "body" | "createdAt" | "updatedAt">;

function NoteItem({ note, onChanged }: { note: Note; onChanged: () => unknown }) {
  const trpc = useTRPC();
  const [editing, setEditing] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [body, setBody] = useState(note.body);
  const update = useMutation(
    trpc.notes.update.mutationOptions({
      onSuccess: () => {
        setEditing(false);
        void onChanged();
      },
    }),
  );
  const remove = useMutation(trpc.notes.delete.mutationOptions({ onSuccess: () => void onChanged() }));
  const edited = note.updatedAt.getTime() - note.createdAt.getTime() > 1000;

  return (
    <li className="rounded-lg border border-line p-3">
      <p className="text-xs text-muted">
        <LocalDate date={note.createdAt} variant="moment" prefix="Written " />
        {edited ? (
          <>
            {" · "}
            <LocalDate date={note.updatedAt} variant="moment" prefix="edited " />
          </>
        ) : null}
      </p>
      {update.isError || remove.isError ? (
        <Notice tone="danger" role="alert">
          {(update.error ?? remove.error)?.message}
        </Notice>
      ) : null}
      {editing ? (
        <form
          className="mt-2 space-y-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (body.trim()) update.mutate({ id: note.id, body: body.trim() });
          }}
        >
          <TextAreaField label="Edit note" rows={4} maxLength={NOTE_MAX} value={body} onChange={(event) => setBody(event.target.value)} />
          <div className="flex gap-2">
            <Button type="submit" disabled={update.isPending || !body.trim()}>
              Save changes
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setBody(note.body);
                setEditing(false);
              }}
            >
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <p className="mt-1 whitespace-pre-wrap break-words">{note.body}</p>
      )}
      {!editing ? (
        <div className="mt-2 flex flex-wrap gap-2">
          <Button variant="quiet" onClick={() => setEditing(true)}>
            Edit
          </Button>
          {confirmingDelete ? (
            <>
              <span className="self-center text-sm">Delete this note for good?</span>
              <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate({ id: note.id })}>
                Yes, delete
              </Button>
              <Button variant="secondary" onClick={() => setConfirmingDelete(false)}>
                Keep it
              </Button>
            </>
          ) : (
            <Button variant="quiet" onClick={() => setConfirmingDelete(true)}>
              Delete
            </Button>
          )}
        </div>
      ) : null}
    </li>
  );
}
