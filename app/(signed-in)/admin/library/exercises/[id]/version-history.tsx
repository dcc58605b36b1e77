"use client";
import Link from "next/link";
import { useInfiniteQuery } from "@tanstack/react-query";
import { ShowMore } from "@/components/content/list-bits";
import { useTRPC } from "@/components/trpc/client";
import { Notice } from "@/components/ui/layout";

/** Every published version, newest first, each opening a read-only view of exactly what was published. */
export function VersionHistory({ exerciseId, latestVersion }: { exerciseId: string; latestVersion: number | null }) {
  const trpc = useTRPC();
  const versions = useInfiniteQuery(
    trpc.exercises.versions.infiniteQueryOptions({ id: exerciseId, limit: 10 }, { getNextPageParam: (page) => page.nextCursor }),
  );
  const rows = versions.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading" className="text-lg font-semibold text-ink">
        Version history
      </h2>
      <p className="mt-1 text-sm text-muted">Published versions never change. Each assignment keeps the version it was given.</p>
      {latestVersion === null ? (
        <p className="mt-2 text-muted">Nothing published yet.</p>
      ) : versions.isPending ? (
        <p className="mt-2 text-muted">Loading versions…</p>
      ) : versions.isError ? (
        <Notice tone="danger" role="alert">
          {versions.error.message}
        </Notice>
      ) : (
        <>
          <ol className="mt-2 divide-y divide-line rounded-xl border border-line bg-white">
            {rows.map((v) => (
              <li key={v.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <Link
                  href={`/admin/library/exercises/${exerciseId}/versions/${v.version}`}
                  className="font-medium text-accent-strong underline underline-offset-4"
                >
                  Version {v.version}
                </Link>
                <span className="text-sm text-muted">
                  {v.title} · {v.promptCount === 1 ? "1 prompt" : `${v.promptCount} prompts`} · published{" "}
                  {v.publishedAt.toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" })}
                  {v.publishedByName ? ` by ${v.publishedByName}` : ""}
                </span>
              </li>
            ))}
          </ol>
          {versions.hasNextPage ? (
            <ShowMore shown={rows.length} noun={["version", "versions"]} query={versions} />
          ) : null}
        </>
      )}
    </section>
  );
}
