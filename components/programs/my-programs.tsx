import Link from "next/link";
import type { ReaderTime } from "@/lib/dates/reader-time";
import type { Enrolment } from "./program-progress";
import { NextStep } from "./program-progress";

/** The client's running programs on their home page: where they are, and what comes next. */
export function MyPrograms({ enrolments, readerTime }: { enrolments: Enrolment[]; readerTime: ReaderTime }) {
  const shown = enrolments.filter((e) => e.status === "active" || e.status === "paused");
  if (shown.length === 0) return null;
  return (
    <section aria-labelledby="my-programs" className="mb-8">
      <h2 id="my-programs" className="mb-3 text-lg font-semibold">
        Your programs
      </h2>
      <ul className="space-y-3">
        {shown.map((enrolment) => {
          const current = enrolment.steps.find((s) => s.position === enrolment.currentStep);
          return (
            <li key={enrolment.id} className="rounded-xl border border-line bg-white p-4">
              <p className="font-medium">{enrolment.name}</p>
              <p className="text-sm">
                {enrolment.currentStep > 0 ? (
                  <>
                    Step {enrolment.currentStep} of {enrolment.stepCount}
                    {current?.assignmentId ? (
                      <>
                        {": "}
                        <Link prefetch={false} className="font-medium text-accent-strong underline underline-offset-4" href={`/client/assignments/${current.assignmentId}`}>
                          {current.title}
                        </Link>
                      </>
                    ) : null}
                  </>
                ) : (
                  `${enrolment.stepCount} steps, starting soon`
                )}
              </p>
              <NextStep enrolment={enrolment} who="you" readerTime={readerTime} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
