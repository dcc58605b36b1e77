import type { ReactNode } from "react";
import { errorMessage } from "@/components/content/trpc-errors";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/layout";

/**
 * A failed save at the top of an editor. A conflict (someone saved in between) is a warning that
 * offers to load the latest copy; anything else is an error. `children` say more about a conflict.
 */
export function SaveErrorNotice({
  error,
  conflict,
  loadLatestLabel,
  onLoadLatest,
  children,
}: {
  error: unknown;
  conflict: boolean;
  loadLatestLabel: string;
  onLoadLatest: () => void;
  children?: ReactNode;
}) {
  if (conflict) {
    return (
      <Notice tone="warn" role="alert">
        <p>{errorMessage(error)}</p>
        {children}
        <Button variant="secondary" className="mt-3" onClick={onLoadLatest}>
          {loadLatestLabel}
        </Button>
      </Notice>
    );
  }
  if (!error) return null;
  return (
    <Notice tone="danger" role="alert">
      {errorMessage(error)}
    </Notice>
  );
}
