/** How long the app's code may take to arrive before the kept copy is used instead (a connection that hangs). */
export const SLOW_NETWORK_MS = 4_000;

type Sources = {
  /** The browser's HTTP cache, else the network: the worker's `fetch`. */
  network: (request: Request) => Promise<Response>;
  /** The precached copy, if there is one. */
  kept: (request: Request) => Promise<Response | undefined>;
  slowMs?: number;
};

/**
 * The app's code (Next's static files, named by their content, never changing): the browser's HTTP cache or the
 * network while they answer, the precached copy when they fail or hang. Answering from the precache first, as
 * Serwist would, serves the same bytes, but Chromium then skips V8's code cache whenever DevTools' debugger is
 * attached (Lighthouse attaches it) and compiles every script again on every load: 0.4–0.9 s of main-thread time at
 * 4× CPU on a client's pages, against 21–98 ms this way. Without the debugger both ways compile in a few ms.
 */
export function answerAppCode(request: Request, { network, kept, slowMs = SLOW_NETWORK_MS }: Sources): Promise<Response> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const answer = (response: Response) => {
      if (answered) return;
      answered = true;
      resolve(response);
    };
    const keptCopy = () => kept(request).catch(() => undefined);
    const slow = setTimeout(() => void keptCopy().then((response) => response && answer(response)), slowMs);
    network(request).then(
      (response) => {
        clearTimeout(slow);
        answer(response);
      },
      async (error: unknown) => {
        clearTimeout(slow);
        const response = await keptCopy();
        if (response) return answer(response);
        if (answered) return;
        answered = true;
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Which requests are the app's code: same-origin reads of Next's static files. */
export function isAppCode(request: Request, origin: string): boolean {
  const url = new URL(request.url);
  return request.method === "GET" && url.origin === origin && url.pathname.startsWith("/_next/static/");
}
