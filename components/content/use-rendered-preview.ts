"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/trpc/client";

/** How long typing must pause before the preview asks the server to render again. */
const PREVIEW_PAUSE_MS = 400;

/**
 * The live preview of an article body, rendered by the server (Markdown is never parsed in the
 * browser). It waits for a pause in typing and keeps showing the last preview meanwhile.
 */
export function useRenderedPreview(body: string) {
  const trpc = useTRPC();
  const [settled, setSettled] = useState(body);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(body), PREVIEW_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [body]);
  const preview = useQuery({
    ...trpc.articles.preview.queryOptions({ body: settled }),
    enabled: settled.trim() !== "",
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return { rendered: settled.trim() === "" ? null : (preview.data ?? null), failed: preview.isError };
}
