/** Cache Storage names the service worker (app/sw.ts) fills with a client's pages; cleared at sign-out. */
export const CLIENT_PAGES_CACHE = "hearth-client-pages";
