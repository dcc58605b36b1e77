import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { createFetchSaveTransport, keepaliveBytesInUse } from "@/components/exercise/autosave/fetch-transport";
import type { SaveRequest } from "@/components/exercise/autosave/engine";

const request = (text: string): SaveRequest => ({
  assignmentId: "00000000-0000-4000-8000-000000000001",
  promptId: "p1",
  value: { kind: "text", text },
  baseVersion: 0,
  saveId: crypto.randomUUID(),
});

const savedReply = () => Response.json({ result: { data: superjson.serialize({ answerId: "ans-1", version: 1, updatedAt: new Date() }) } });

/** A fetch whose replies wait until the test releases them, recording whether each used keepalive. */
function heldFetch() {
  const sent: Array<{ keepalive: boolean; release: () => void }> = [];
  const fetchImpl = ((_url: string | URL | Request, init?: RequestInit) =>
    new Promise<Response>((resolve) => sent.push({ keepalive: Boolean(init?.keepalive), release: () => resolve(savedReply()) }))) as typeof fetch;
  return { sent, fetchImpl };
}

describe("the fetch save transport's keepalive budget", () => {
  it("counts bytes, not characters: 30 000 'é' (60 000 bytes) fit once, not twice", async () => {
    const { sent, fetchImpl } = heldFetch();
    const send = createFetchSaveTransport("/api/trpc/answers.save", fetchImpl);
    const first = send(request("é".repeat(30_000)));
    const second = send(request("é".repeat(30_000)));
    await Promise.resolve();
    expect(sent.map((s) => s.keepalive)).toEqual([true, false]);
    expect(keepaliveBytesInUse()).toBeGreaterThan(60_000);
    for (const s of sent) s.release();
    await expect(Promise.all([first, second])).resolves.toEqual([expect.objectContaining({ kind: "saved" }), expect.objectContaining({ kind: "saved" })]);
    // Finished requests give their bytes back.
    expect(keepaliveBytesInUse()).toBe(0);
  });

  it("one body over the whole budget goes as a normal fetch", async () => {
    const { sent, fetchImpl } = heldFetch();
    const send = createFetchSaveTransport("/api/trpc/answers.save", fetchImpl);
    const big = send(request("😊".repeat(17_000)));
    await Promise.resolve();
    expect(sent[0]!.keepalive).toBe(false);
    sent[0]!.release();
    await big;
  });

  it("small saves side by side all use keepalive while they fit", async () => {
    const { sent, fetchImpl } = heldFetch();
    const send = createFetchSaveTransport("/api/trpc/answers.save", fetchImpl);
    const all = [send(request("a")), send(request("b")), send(request("c"))];
    await Promise.resolve();
    expect(sent.map((s) => s.keepalive)).toEqual([true, true, true]);
    for (const s of sent) s.release();
    await Promise.all(all);
    expect(keepaliveBytesInUse()).toBe(0);
  });
});
