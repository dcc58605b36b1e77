import { WrittenDate } from "@/components/dates/written-date";
import type { ReaderTime } from "@/lib/dates/reader-time";
import type { RouterOutputs } from "@/components/trpc/outputs";

export type Enrolment = RouterOutputs["enrolments"]["listMine"][number];

/**
 * What comes next in a program, in plain words: its title and when it opens (a day, or once the step before is
 * submitted). `who` is "you" for the client, or the client's first name for their coach.
 */
export function NextStep({ enrolment, who, readerTime }: { enrolment: Enrolment; who: string; readerTime: ReaderTime }) {
  const { next, status } = enrolment;
  if (status === "completed") return <p className="text-sm text-muted">Every step is done. {who === "you" ? "Well done for seeing it through." : ""}</p>;
  if (status === "stopped") return <p className="text-sm text-muted">This program was stopped. Exercises already open stay {who === "you" ? "with you" : `with ${who}`}.</p>;
  if (!next) return <p className="text-sm text-muted">Every step is open now.</p>;
  const subject = who === "you" ? "you submit" : `${who} submits`;
  return (
    <p className="text-sm">
      <span className="text-muted">Next: </span>
      <span className="font-medium">{next.title}</span>
      {status === "paused" ? (
        <span className="text-muted">, once the program carries on (it&apos;s paused for now).</span>
      ) : next.opensAt ? (
        <span className="text-muted">
          , opens <WrittenDate readerTime={readerTime} date={next.opensAt} variant="day" />.
        </span>
      ) : next.afterPrevious ? (
        <span className="text-muted">
          , opens {next.position > 1 ? `a little after ${subject} step ${next.position - 1}` : "soon"}.
        </span>
      ) : null}
    </p>
  );
}

/** "Step 2 of 5" for one step's assignment, with the program's name and what comes next. */
export function StepOfProgram({ enrolment, assignmentId, readerTime }: { enrolment: Enrolment; assignmentId: string; readerTime: ReaderTime }) {
  const step = enrolment.steps.find((s) => s.assignmentId === assignmentId);
  if (!step) return null;
  return (
    <aside aria-label="Your program" className="mb-6 rounded-xl border border-line bg-white p-4">
      <p className="font-medium">
        Step {step.position} of {enrolment.stepCount} <span className="font-normal text-muted">in</span> {enrolment.name}
      </p>
      <NextStep enrolment={enrolment} who="you" readerTime={readerTime} />
    </aside>
  );
}
