"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { SelectField } from "@/components/content/list-bits";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { Card, Notice, PageHeader } from "@/components/ui/layout";
import { useTRPC } from "@/components/trpc/client";
import type { RouterOutputs } from "@/components/trpc/outputs";

type Program = RouterOutputs["programs"]["get"];
type Opening = "day_offset" | "after_previous";
type StepRow = { key: number; exerciseId: string; opensOn: Opening; days: string; dueInDays: string };

let nextKey = 1;
const toRow = (step: { exerciseId: string; opensOn: Opening; days: number; dueInDays: number | null }): StepRow => ({
  key: nextKey++,
  exerciseId: step.exerciseId,
  opensOn: step.opensOn,
  days: String(step.days),
  dueInDays: step.dueInDays === null ? "" : String(step.dueInDays),
});
const asNumber = (value: string) => (value.trim() === "" ? Number.NaN : Number(value));

/** Builds a program: steps from published exercises, in order, each with when it opens and how long it has. */
export function ProgramBuilder({ program, exercises }: { program: Program; exercises: { id: string; title: string }[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState(program.name);
  const [description, setDescription] = useState(program.description);
  const [steps, setSteps] = useState<StepRow[]>(() => program.steps.map(toRow));
  const [revision, setRevision] = useState(program.revision);
  const [dirty, setDirty] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const save = useMutation(
    trpc.programs.updateDraft.mutationOptions({
      onSuccess: (result) => {
        setRevision(result.revision);
        setDirty(false);
        setMessage("Saved. Publish when you're ready for coaches to use it.");
        router.refresh();
      },
    }),
  );
  const publish = useMutation(
    trpc.programs.publish.mutationOptions({
      onSuccess: (result) => {
        setMessage(`Published as version ${result.version}. Coaches can start it for their clients now.`);
        router.refresh();
      },
    }),
  );
  const error = save.error ?? publish.error;

  const change = (key: number, patch: Partial<StepRow>) => {
    setDirty(true);
    setMessage(null);
    setSteps((rows) => rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  };
  const move = (index: number, by: -1 | 1) => {
    setDirty(true);
    setSteps((rows) => {
      const copy = [...rows];
      const [row] = copy.splice(index, 1);
      copy.splice(index + by, 0, row!);
      return copy;
    });
  };
  const addStep = () => {
    setDirty(true);
    setSteps((rows) => [...rows, toRow({ exerciseId: exercises[0]?.id ?? "", opensOn: rows.length === 0 ? "day_offset" : "after_previous", days: 0, dueInDays: 7 })]);
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    save.mutate({
      id: program.id,
      revision,
      name,
      description,
      steps: steps.map((row) => ({
        exerciseId: row.exerciseId,
        opensOn: row.opensOn,
        days: asNumber(row.days),
        dueInDays: row.dueInDays.trim() === "" ? null : asNumber(row.dueInDays),
      })),
    });
  }

  return (
    <>
      <PageHeader
        title={name || "Untitled program"}
        description={
          program.latestVersion
            ? `Version ${program.latestVersion} is published. Changes here make a new version when you publish; clients already following it keep theirs.`
            : "Not published yet. Add steps, save, then publish."
        }
      />
      <form onSubmit={submit} className="max-w-3xl space-y-6">
        {error ? (
          <Notice tone="danger" role="alert">
            {error.message}
          </Notice>
        ) : null}
        {message ? (
          <Notice tone="success" role="status">
            {message}
          </Notice>
        ) : null}
        <TextField label="Name" value={name} onChange={(event) => (setDirty(true), setName(event.target.value))} maxLength={120} required />
        <TextAreaField label="Description" value={description} onChange={(event) => (setDirty(true), setDescription(event.target.value))} rows={3} />
        <section aria-labelledby="program-steps" className="space-y-3">
          <h2 id="program-steps" className="text-lg font-semibold">
            Steps
          </h2>
          {steps.length === 0 ? <p className="text-sm text-muted">No steps yet. Add the first one below.</p> : null}
          <ol className="space-y-3">
            {steps.map((row, index) => {
              const label = `Step ${index + 1}`;
              return (
                <li key={row.key}>
                  <Card as="div">
                    <fieldset className="space-y-3">
                      <legend className="font-medium">{label}</legend>
                      <SelectField id={`exercise-${row.key}`} label="Exercise" value={row.exerciseId} onChange={(exerciseId) => change(row.key, { exerciseId })}>
                        {exercises.map((exercise) => (
                          <option key={exercise.id} value={exercise.id}>
                            {exercise.title}
                          </option>
                        ))}
                      </SelectField>
                      <div className="grid gap-3 sm:grid-cols-3">
                        <SelectField id={`opens-${row.key}`} label="Opens" value={row.opensOn} onChange={(opensOn) => change(row.key, { opensOn: opensOn as Opening })}>
                          <option value="day_offset">On a day after the start</option>
                          <option value="after_previous">After the step before is submitted</option>
                        </SelectField>
                        <TextField
                          label={row.opensOn === "day_offset" ? "Day (0 = start day)" : "Days after (0 = at once)"}
                          type="number"
                          inputMode="numeric"
                          min={0}
                          max={365}
                          value={row.days}
                          onChange={(event) => change(row.key, { days: event.target.value })}
                        />
                        <TextField
                          label="Due after (days)"
                          hint="Empty: no due date"
                          type="number"
                          inputMode="numeric"
                          min={0}
                          max={365}
                          value={row.dueInDays}
                          onChange={(event) => change(row.key, { dueInDays: event.target.value })}
                        />
                      </div>
                      <div className="flex flex-wrap gap-2">
                        <Button variant="secondary" onClick={() => move(index, -1)} disabled={index === 0} aria-label={`Move ${label.toLowerCase()} up`}>
                          Move up
                        </Button>
                        <Button variant="secondary" onClick={() => move(index, 1)} disabled={index === steps.length - 1} aria-label={`Move ${label.toLowerCase()} down`}>
                          Move down
                        </Button>
                        <Button
                          variant="secondary"
                          onClick={() => (setDirty(true), setSteps((rows) => rows.filter((r) => r.key !== row.key)))}
                          aria-label={`Remove ${label.toLowerCase()}`}
                        >
                          Remove
                        </Button>
                      </div>
                    </fieldset>
                  </Card>
                </li>
              );
            })}
          </ol>
          <Button variant="secondary" onClick={addStep} disabled={exercises.length === 0}>
            Add a step
          </Button>
          {exercises.length === 0 ? <p className="text-sm text-muted">Publish an exercise in the library first; programs are built from published exercises.</p> : null}
        </section>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save draft"}
          </Button>
          <Button
            variant="secondary"
            onClick={() => publish.mutate({ id: program.id, revision })}
            disabled={dirty || publish.isPending || !program.hasUnpublishedChanges}
          >
            {publish.isPending ? "Publishing…" : "Publish"}
          </Button>
        </div>
        {dirty ? <p className="text-sm text-muted">Save your changes before publishing.</p> : null}
      </form>
    </>
  );
}
