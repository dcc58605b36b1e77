import type { ReactNode, RefObject } from "react";
import { buttonClass } from "@/components/ui/button";

/** A confirmed share waiting its few seconds: what is about to happen, and Undo. */
export function UndoBar({ undoRef, onUndo, children }: { undoRef: RefObject<HTMLButtonElement | null>; onUndo: () => void; children: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-lg border border-line bg-white p-3" role="status">
      {children}
      <button ref={undoRef} type="button" className={buttonClass("secondary")} onClick={onUndo}>
        Undo
      </button>
    </div>
  );
}
