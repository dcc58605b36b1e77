import Link from "next/link";
import type { ReaderTime } from "@/lib/dates/reader-time";
import { EnrolmentActions } from "./enrolment-actions";
import { NextStep, type Enrolment } from "./program-progress";

const STATUS_WORDS: Record<Enrolment["status"], string> = { active: "Running", paused: "Paused", stopped: "Stopped", completed: "Finished" };

/** The programs a coach started for one client: how far each has got, what's next, and pause, resume or stop. */
export function ClientPrograms({ enrolments, clientId, clientName, readerTime }: { enrolments: Enrolment[]; clientId: string; clientName: string; readerTime: ReaderTime }) {
  const firstName = clientName.split(" ")[0] ?? clientName;
  return (
    <section aria-labelledby="client-programs">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="client-programs" className="text-lg font-semibold">
          Programs
        </h2>
        <Link className="text-sm font-medium text-accent-strong underline underline-offset-4" href={`/coach/programs/start?clientId=${clientId}`}>
          Start a program for {firstName}
        </Link>
      </div>
      {enrolments.length === 0 ? (
        <p className="text-sm text-muted">No programs yet. A program opens a series of exercises over the weeks, without you assigning each one.</p>
      ) : (
        <ul className="space-y-3">
          {enrolments.map((enrolment) => (
            <li key={enrolment.id} className="rounded-xl border border-line bg-white p-4">
              <p className="font-medium">
                {enrolment.name} <span className="text-sm font-normal text-muted">· {STATUS_WORDS[enrolment.status]}</span>
              </p>
              <p className="text-sm">
                Step {enrolment.currentStep} of {enrolment.stepCount} open, {enrolment.finishedCount} done
              </p>
              <NextStep enrolment={enrolment} who={firstName} readerTime={readerTime} />
              <EnrolmentActions enrolmentId={enrolment.id} status={enrolment.status} programName={enrolment.name} clientName={firstName} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
