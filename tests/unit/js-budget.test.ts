import { describe, expect, it } from "vitest";
import { budgetFor, JS_BUDGET_KB, KNOWN_OVER_BUDGET, routeOfManifestKey } from "@/scripts/bundle/js-budget";

describe("first-load JavaScript budgets", () => {
  it("holds the client's pages to 165 KB and every other route to 180 KB", () => {
    expect(budgetFor("/client")).toBe(165);
    expect(budgetFor("/client/history")).toBe(165);
    expect(budgetFor("/coach/inbox")).toBe(180);
    expect(budgetFor("/sign-in")).toBe(180);
    expect(budgetFor("/clients-of-someone")).toBe(180);
  });

  it("holds a known miss to its ceiling, named either as the build or as the Lighthouse spec writes it", () => {
    const ceiling = KNOWN_OVER_BUDGET["/client/assignments/[id]"]!.ceilingKb;
    expect(budgetFor("/client/assignments/[id]")).toBe(ceiling);
    expect(budgetFor("/client/assignments/‹id›")).toBe(ceiling);
  });

  it("keeps every known miss's ceiling under the budget for all routes, so a miss can't drift upward unnoticed", () => {
    for (const { ceilingKb } of Object.values(KNOWN_OVER_BUDGET)) expect(ceilingKb).toBeLessThan(JS_BUDGET_KB.anyRoute);
  });

  it("names a route as a person opens it, without route groups, so a client's page inside a group keeps its budget", () => {
    expect(routeOfManifestKey("/(signed-in)/client/assignments/[id]/page")).toBe("/client/assignments/[id]");
    expect(routeOfManifestKey("/(signed-in)/account/(settings)/page")).toBe("/account");
    expect(routeOfManifestKey("/sign-in/page")).toBe("/sign-in");
    expect(routeOfManifestKey("/page")).toBe("/");
    expect(budgetFor(routeOfManifestKey("/(signed-in)/client/page"))).toBe(JS_BUDGET_KB.clientPage);
  });
});
