import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { createFetchSaveTransport, keepaliveBytesInUse } from "@/components/exercise/autosave/fetch-transport";
import type { SaveRequest } from "@/components/exercise/autosave/engine";

const request = (text: string, extra: Partial<SaveRequest> = {}): SaveRequest => ({
  assignmentId: "00000000-0000-4000-8000-000000000001",
  promptId: "p1",
  value: { kind: "text", text },
  baseVersion: 0,
  saveId: crypto.randomUUID(),
  ...extra,
});

const savedJson = () => ({ result: { data: superjson.serialize({ answerId: "ans-1", version: 1, updatedAt: new Date() }) } });
const savedReply = () => Response.json(savedJson());

/** Lets every pending microtask run (a timer fires only after all of them). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

type Sent = { url: string; init: RequestInit; keepalive: boolean; release: () => void };

/** A fetch whose replies wait until the test releases them, recording what each request was. */
function heldFetch() {
  const sent: Sent[] = [];
  const fetchImpl = ((url: string | URL | Request, init?: RequestInit) =>
    new Promise<Response>((resolve) =>
      sent.push({ url: String(url), init: init!, keepalive: Boolean(init?.keepalive), release: () => resolve(savedReply()) }),
    )) as typeof fetch;
  return { sent, fetchImpl };
}

describe("the save transport's requests (tRPC's httpLink)", () => {
  it("each save is its own POST to answers.save, never a batch, with the router's input as a superjson body", async () => {
    const { sent, fetchImpl } = heldFetch();
    const send = createFetchSaveTransport({ fetch: fetchImpl });
    const first = request("a");
    const flush = request("ab", { afterSaveId: first.saveId });
    const replies = [send(first), send(flush)];
    await settle();
    expect(sent.map((s) => s.url)).toEqual(["/api/trpc/answers.save", "/api/trpc/answers.save"]);
    for (const s of sent) {
      expect(s.init).toMatchObject({ method: "POST", keepalive: true, credentials: "same-origin" });
      expect(new Headers(s.init.headers as HeadersInit).get("content-type")).toBe("application/json");
    }
    expect(sent.map((s) => superjson.deserialize(JSON.parse(String(s.init.body))))).toEqual([first, flush]);
    for (const s of sent) s.release();
    expect(await Promise.all(replies)).toEqual([expect.objectContaining({ kind: "saved" }), expect.objectContaining({ kind: "saved" })]);
  });

  it("a save leaves in the same task: nothing waits for a timer, so a page-hide flush is on the wire before the page goes", async () => {
    let timerFired = false;
    setTimeout(() => (timerFired = true), 0);
    const seen: boolean[] = [];
    const send = createFetchSaveTransport({
      fetch: (async () => {
        seen.push(timerFired);
        return savedReply();
      }) as typeof fetch,
    });
    const reply = send(request("goodbye"));
    await settle();
    expect(seen).toEqual([false]);
    await expect(reply).resolves.toMatchObject({ kind: "saved" });
  });
});

describe("the save transport's keepalive budget", () => {
  it("counts bytes, not characters: 30 000 'é' (60 000 bytes) fit once, not twice", async () => {
    const { sent, fetchImpl } = heldFetch();
    const send = createFetchSaveTransport({ fetch: fetchImpl });
    const first = send(request("é".repeat(30_000)));
    const second = send(request("é".repeat(30_000)));
    await settle();
    expect(sent.map((s) => s.keepalive)).toEqual([true, false]);
    expect(keepaliveBytesInUse()).toBeGreaterThan(60_000);
    for (const s of sent) s.release();
    await expect(Promise.all([first, second])).resolves.toEqual([expect.objectContaining({ kind: "saved" }), expect.objectContaining({ kind: "saved" })]);
    // Finished requests give their bytes back.
    expect(keepaliveBytesInUse()).toBe(0);
  });

  it("one body over the whole budget goes as a normal fetch", async () => {
    const { sent, fetchImpl } = heldFetch();
    const send = createFetchSaveTransport({ fetch: fetchImpl });
    const big = send(request("😊".repeat(17_000)));
    await settle();
    expect(sent[0]!.keepalive).toBe(false);
    expect(keepaliveBytesInUse()).toBe(0);
    sent[0]!.release();
    await expect(big).resolves.toMatchObject({ kind: "saved" });
  });

  it("small saves side by side all use keepalive while they fit", async () => {
    const { sent, fetchImpl } = heldFetch();
    const send = createFetchSaveTransport({ fetch: fetchImpl });
    const all = [send(request("a")), send(request("b")), send(request("c"))];
    await settle();
    expect(sent.map((s) => s.keepalive)).toEqual([true, true, true]);
    for (const s of sent) s.release();
    await Promise.all(all);
    expect(keepaliveBytesInUse()).toBe(0);
  });

  it("the bytes stay counted until the reply has been read in full", async () => {
    let finishBody = () => {};
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(JSON.stringify(savedJson())));
        finishBody = () => controller.close();
      },
    });
    const send = createFetchSaveTransport({ fetch: (async () => new Response(body, { headers: { "content-type": "application/json" } })) as typeof fetch });
    const reply = send(request("still arriving"));
    await settle();
    expect(keepaliveBytesInUse()).toBeGreaterThan(0);
    finishBody();
    await expect(reply).resolves.toMatchObject({ kind: "saved" });
    expect(keepaliveBytesInUse()).toBe(0);
  });

  it("a keepalive request the browser refuses is sent once more as a normal fetch", async () => {
    const attempts: boolean[] = [];
    const send = createFetchSaveTransport({
      fetch: (async (_url: string | URL | Request, init?: RequestInit) => {
        attempts.push(Boolean(init?.keepalive));
        if (init?.keepalive) throw new TypeError("keepalive request refused");
        return savedReply();
      }) as typeof fetch,
    });
    await expect(send(request("a"))).resolves.toMatchObject({ kind: "saved" });
    expect(attempts).toEqual([true, false]);
    expect(keepaliveBytesInUse()).toBe(0);
  });
});

