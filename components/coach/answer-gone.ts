"use client";
import { createContext, useContext } from "react";

/**
 * Which shared answers a coach's open page has learned are no longer shared, and how to tell it of one more. Kept
 * apart from `still-shared.tsx` (which polls through TanStack Query) so the comment thread, on the client's pages
 * too, reaches it without the data layer.
 */
export type AnswerGoneWatch = { gone: ReadonlySet<string>; markGone: (answerId: string) => void };

export const AnswerGoneContext = createContext<AnswerGoneWatch | null>(null);

/** Called when the server says an answer is no longer shared (a comment refused), so the page catches up at once. */
export function useMarkAnswerGone(): ((answerId: string) => void) | null {
  return useContext(AnswerGoneContext)?.markGone ?? null;
}
