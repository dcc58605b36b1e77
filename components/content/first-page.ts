/** A list's first page as the server component fetched it, and when (the server's clock, in ms). */
export type ServerPage<Page> = { page: Page; at: number };

/** For the server component: its first page, stamped with when it was fetched. */
export function fetchedNow<Page>(page: Page): ServerPage<Page> {
  return { page, at: Date.now() };
}

/**
 * A keyset list's first page, fetched by the server component, as the infinite query's starting data: the page
 * arrives with the list already in it (no "Loading…" step, a faster first paint), and later pages come through the
 * query as before. Hydrating doesn't fetch the same rows again; a list shown again from the browser's cache
 * (coming back to the page) is refreshed on mount as before, since what it holds may be older than the page.
 */
export function startingWith<Page>({ page, at }: ServerPage<Page>) {
  return {
    initialData: { pages: [page], pageParams: [null] },
    initialDataUpdatedAt: at,
    refetchOnMount: (query: { state: { dataUpdatedAt: number } }) => query.state.dataUpdatedAt !== at,
  };
}
