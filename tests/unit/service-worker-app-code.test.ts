import { afterEach, describe, expect, it, vi } from "vitest";
import { answerAppCode, isAppCode, SLOW_NETWORK_MS } from "@/service-worker/app-code";

const script = new Request("https://hearth.test/_next/static/chunks/app.js");
// Fresh each time: a body can be read once.
const network = () => new Response("network");
const kept = () => new Response("kept");
const never = () => new Promise<Response>(() => undefined);

afterEach(() => vi.useRealTimers());

describe("the service worker's answer for the app's code", () => {
  it("reads the HTTP cache or the network while they answer, without touching the precache", async () => {
    const readKept = vi.fn(async () => kept());
    const response = await answerAppCode(script, { network: async () => network(), kept: readKept });
    expect(await response.text()).toBe("network");
    expect(readKept).not.toHaveBeenCalled();
  });

  it("answers from the precache when the network fails (offline)", async () => {
    const response = await answerAppCode(script, { network: () => Promise.reject(new TypeError("Failed to fetch")), kept: async () => kept() });
    expect(await response.text()).toBe("kept");
  });

  it("answers from the precache when the network hangs, after a few seconds", async () => {
    vi.useFakeTimers();
    const answered = vi.fn();
    void answerAppCode(script, { network: never, kept: async () => kept() }).then(answered);
    await vi.advanceTimersByTimeAsync(SLOW_NETWORK_MS - 100);
    expect(answered).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(answered).toHaveBeenCalledTimes(1);
    expect(await (answered.mock.calls[0]![0] as Response).text()).toBe("kept");
  });

  it("keeps waiting for a slow network when nothing is kept, and fails as the network did when both fail", async () => {
    vi.useFakeTimers();
    let arrive: (response: Response) => void = () => undefined;
    const slow = answerAppCode(script, { network: () => new Promise((resolve) => (arrive = resolve)), kept: async () => undefined });
    await vi.advanceTimersByTimeAsync(SLOW_NETWORK_MS * 2);
    arrive(network());
    expect(await (await slow).text()).toBe("network");
    vi.useRealTimers();
    await expect(answerAppCode(script, { network: () => Promise.reject(new TypeError("Failed to fetch")), kept: () => Promise.reject(new Error("no cache")) })).rejects.toThrow(
      "Failed to fetch",
    );
  });

  it("is the app's static files only: not pages, not the API, not another origin, not a write", () => {
    const origin = "https://hearth.test";
    expect(isAppCode(script, origin)).toBe(true);
    expect(isAppCode(new Request("https://hearth.test/_next/static/css/app.css"), origin)).toBe(true);
    expect(isAppCode(new Request("https://hearth.test/client"), origin)).toBe(false);
    expect(isAppCode(new Request("https://hearth.test/api/trpc/assignments.get"), origin)).toBe(false);
    expect(isAppCode(new Request("https://elsewhere.test/_next/static/chunks/app.js"), origin)).toBe(false);
    expect(isAppCode(new Request("https://hearth.test/_next/static/chunks/app.js", { method: "POST" }), origin)).toBe(false);
  });
});
