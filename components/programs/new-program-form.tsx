"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { Card, Notice } from "@/components/ui/layout";
import { useTRPC } from "@/components/trpc/client";

/** A name and a few words, then on to the builder to add steps. */
export function NewProgramForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const create = useMutation(trpc.programs.create.mutationOptions({ onSuccess: ({ id }) => router.push(`/admin/programs/${id}`) }));
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ name, description });
  }
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">New program</h2>
      <form onSubmit={submit} className="space-y-4">
        {create.error ? (
          <Notice tone="danger" role="alert">
            {create.error.message}
          </Notice>
        ) : null}
        <TextField label="Name" value={name} onChange={(event) => setName(event.target.value)} required maxLength={120} />
        <TextAreaField label="Description" hint="A sentence or two for coaches." value={description} onChange={(event) => setDescription(event.target.value)} rows={3} />
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create and add steps"}
        </Button>
      </form>
    </Card>
  );
}
