"use client";
import { LocalDate } from "@/components/dates/local-date";
import { Button } from "@/components/ui/button";
import type { AnswerValue } from "@/lib/content/prompts";
import { answerAsText } from "./answer-display";
import type { SaveConflict } from "./autosave/engine";

/** Both versions side by side; nothing is overwritten until the person picks one. */
export function ConflictPanel({
  promptId,
  mine,
  conflict,
  onKeepMine,
  onKeepTheirs,
}: {
  promptId: string;
  mine: AnswerValue;
  conflict: SaveConflict;
  onKeepMine: () => void;
  onKeepTheirs: () => void;
}) {
  const headingId = `conflict-${promptId}`;
  const empty = <span className="italic text-muted">(empty)</span>;
  const mineText = answerAsText(mine);
  const theirsText = answerAsText(conflict.theirs);
  return (
    <div role="group" aria-labelledby={headingId} className="mt-3 rounded-lg border border-warn/50 bg-warn-soft p-3 sm:p-4">
      <p id={headingId} role="alert" className="font-medium text-ink">
        This answer was changed somewhere else, perhaps in another tab or on another device. Nothing has been overwritten. Which version
        would you like to keep?
      </p>
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <div className="min-w-0">
          <p className="text-sm font-medium">What you just typed</p>
          <p className="mt-1 whitespace-pre-wrap break-words rounded border border-line bg-white p-2">{mineText || empty}</p>
        </div>
        <div className="min-w-0">
          <p className="text-sm font-medium">
            What was saved elsewhere
            {conflict.updatedAt ? (
              <span className="font-normal text-muted">
                {" "}
                (<LocalDate date={conflict.updatedAt} variant="moment" />)
              </span>
            ) : null}
          </p>
          <p className="mt-1 whitespace-pre-wrap break-words rounded border border-line bg-white p-2">{theirsText || empty}</p>
        </div>
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button onClick={onKeepMine}>Keep what I just typed</Button>
        <Button variant="secondary" onClick={onKeepTheirs}>
          Use the version saved elsewhere
        </Button>
      </div>
    </div>
  );
}
