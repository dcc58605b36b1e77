import Link from "next/link";
import { WrittenDate } from "@/components/dates/written-date";
import type { ReaderTime } from "@/lib/dates/reader-time";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { RouterOutputs } from "@/components/trpc/outputs";

type Card = RouterOutputs["assignments"]["listForClient"]["items"][number];

/** One exercise on the client's home: who it's from, when it's due, how far along it is. */
export function AssignmentCard({ card, readerTime }: { card: Card; readerTime: ReaderTime }) {
  const done = card.bucket === "done";
  const progress = `${card.answered} of ${card.total} answered`;
  return (
    <article aria-labelledby={`card-${card.id}`} className="relative h-full rounded-xl border border-line bg-white p-4 focus-within:border-accent hover:border-accent">
      <h3 id={`card-${card.id}`} className="font-medium">
        <Link href={`/client/assignments/${card.id}`} prefetch={false} className="text-accent-strong underline-offset-4 after:absolute after:inset-0 hover:underline">
          {card.title}
        </Link>
      </h3>
      <p className="mt-1 text-sm text-muted">
        From {card.coachName}
        {card.dueAt ? (
          <>
            {" · "}
            <WrittenDate readerTime={readerTime} date={card.dueAt} variant={done ? "due-done" : "due"} />
          </>
        ) : null}
      </p>
      {card.note ? <p className="mt-2 line-clamp-2 text-sm text-ink">“{card.note}”</p> : null}
      {done ? (
        <p className="mt-3 text-sm">
          {card.status === "reviewed" ? `Submitted · ${card.coachName} has reviewed it` : "Submitted"}
          {card.submittedAt ? (
            <>
              {" · "}
              <WrittenDate readerTime={readerTime} date={card.submittedAt} />
            </>
          ) : null}
        </p>
      ) : (
        <div className="mt-3 space-y-1">
          <p className="text-sm">{progress}</p>
          <ProgressBar value={card.answered} max={card.total} label={`Progress on ${card.title}`} valueText={progress} />
        </div>
      )}
    </article>
  );
}
