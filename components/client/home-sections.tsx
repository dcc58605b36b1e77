import { EmptyState } from "@/components/ui/layout";
import type { ReaderTime } from "@/lib/dates/reader-time";
import type { RouterOutputs } from "@/components/trpc/outputs";
import { AssignmentCard } from "./assignment-card";
import { groupForHome } from "./group-assignments";

type Card = RouterOutputs["assignments"]["listForClient"]["items"][number];

/** The client's home: To do, Due soon, Overdue, Done. */
export function HomeSections({ cards, readerTime }: { cards: Card[]; readerTime: ReaderTime }) {
  if (cards.length === 0) {
    return (
      <EmptyState title="Nothing to do right now">
        When your coach shares an exercise with you, it will appear here. Take your time; there&apos;s no rush.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-8">
      {groupForHome(cards).map((section) => (
        <section key={section.bucket} aria-labelledby={`section-${section.bucket}`}>
          <h2 id={`section-${section.bucket}`} className="text-lg font-semibold">
            {section.title} <span className="text-base font-normal text-muted">({section.items.length})</span>
          </h2>
          {section.intro && section.items.length > 0 ? <p className="mt-1 text-sm text-muted">{section.intro}</p> : null}
          {section.items.length === 0 ? (
            <p className="mt-1 text-sm text-muted">{section.empty}</p>
          ) : (
            <ul className="mt-3 grid gap-3 md:grid-cols-2">
              {section.items.map((card) => (
                <li key={card.id}>
                  <AssignmentCard card={card} readerTime={readerTime} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
