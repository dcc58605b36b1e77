import { describe, expect, it } from "vitest";
import { budgetFor, JS_BUDGET_KB, routeOfManifestKey } from "@/scripts/bundle/js-budget";

describe("first-load JavaScript budgets", () => {
  it("holds the client's pages to 165 KB and every other route to 180 KB", () => {
    expect(budgetFor("/client")).toBe(165);
    expect(budgetFor("/client/history")).toBe(165);
    // The open exercise, as the build names it and as the Lighthouse spec writes it.
    expect(budgetFor("/client/assignments/[id]")).toBe(165);
    expect(budgetFor("/client/assignments/‹id›")).toBe(165);
    expect(budgetFor("/coach/inbox")).toBe(180);
    expect(budgetFor("/sign-in")).toBe(180);
    expect(budgetFor("/clients-of-someone")).toBe(180);
  });

  it("names a route as a person opens it, without route groups, so a client's page inside a group keeps its budget", () => {
    expect(routeOfManifestKey("/(signed-in)/client/assignments/[id]/page")).toBe("/client/assignments/[id]");
    expect(routeOfManifestKey("/(signed-in)/account/(settings)/page")).toBe("/account");
    expect(routeOfManifestKey("/sign-in/page")).toBe("/sign-in");
    expect(routeOfManifestKey("/page")).toBe("/");
    expect(budgetFor(routeOfManifestKey("/(signed-in)/client/page"))).toBe(JS_BUDGET_KB.clientPage);
  });
});
