import { describe, expect, it } from "vitest";
import { keepsOfflineCopy, OFFLINE_COPY_FRESH_MS, offlineCopyNeedsRefresh } from "@/lib/offline/offline-copy";

/** The service worker fetches an answer-free copy of a client's page only when it has none or it is a few minutes old. */
describe("offlineCopyNeedsRefresh", () => {
  const now = Date.UTC(2026, 10, 30, 6, 0, 0);

  it("fetches a copy when none is kept", () => {
    expect(offlineCopyNeedsRefresh(null, now)).toBe(true);
  });

  it("keeps a copy younger than the freshness window", () => {
    expect(offlineCopyNeedsRefresh(String(now), now)).toBe(false);
    expect(offlineCopyNeedsRefresh(String(now - OFFLINE_COPY_FRESH_MS + 1), now)).toBe(false);
  });

  it("fetches again once the copy is as old as the window or older", () => {
    expect(offlineCopyNeedsRefresh(String(now - OFFLINE_COPY_FRESH_MS), now)).toBe(true);
    expect(offlineCopyNeedsRefresh(String(now - 24 * 60 * 60_000), now)).toBe(true);
  });

  it("fetches again when the stamp can't be trusted: unreadable, or later than now", () => {
    expect(offlineCopyNeedsRefresh("", now)).toBe(true);
    expect(offlineCopyNeedsRefresh("yesterday", now)).toBe(true);
    expect(offlineCopyNeedsRefresh(String(now + 60_000), now)).toBe(true);
  });

  it("is a few minutes", () => {
    expect(OFFLINE_COPY_FRESH_MS).toBeGreaterThanOrEqual(60_000);
    expect(OFFLINE_COPY_FRESH_MS).toBeLessThanOrEqual(15 * 60_000);
  });
});

describe("keepsOfflineCopy", () => {
  it("keeps the client's home and exercises only", () => {
    expect(keepsOfflineCopy("/client")).toBe(true);
    expect(keepsOfflineCopy("/client/assignments/38d98fe3-1b2c-4d5e-8f90-123456789abc")).toBe(true);
    expect(keepsOfflineCopy("/client/history")).toBe(false);
    expect(keepsOfflineCopy("/coach")).toBe(false);
  });
});
