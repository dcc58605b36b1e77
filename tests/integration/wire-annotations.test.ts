import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it } from "vitest";
import { createContext } from "@/server/trpc/context";
import { appRouter } from "@/server/trpc/root";
import { useTestDatabase as openTestDatabase } from "../helpers/test-db";

/**
 * Hostile superjson annotations through the real fetch handler, signed out: superjson walks a
 * malformed annotation tree without end ("Maximum call stack size exceeded"), so the transformer
 * reads only the annotations the app sends and refuses the rest as a 400, before walking them (a walk
 * would overflow the stack and end as a 500 with another message).
 */
const handle = await openTestDatabase();
const db = handle.db;

const token = "a".repeat(43);

function call(path: string, method: "GET" | "POST", payload: unknown) {
  const body = JSON.stringify(payload);
  const url = new URL(`http://hearth.test/api/trpc/${path}`);
  if (method === "GET") url.searchParams.set("input", body);
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(url, method === "POST" ? { method, body, headers: { "content-type": "application/json" } } : { method }),
    router: appRouter,
    createContext: () => createContext({ db, session: null }),
  });
}

const hostileMeta: Array<[string, unknown]> = [
  ["a custom annotation", { values: { token: ["custom", "x"] }, v: 1 }],
  ["a class annotation", { values: { token: ["class", "x"] }, v: 1 }],
  ["a symbol annotation", { values: { token: ["symbol", "x"] }, v: 1 }],
  ["a bare string where a tree belongs", { values: { token: "Date" }, v: 1 }],
  ["a custom annotation at the root", { values: ["custom", "x"], v: 1 }],
  ["a map annotation", { values: { token: ["map"] }, v: 1 }],
];

describe("superjson annotations on the wire", () => {
  it.each(hostileMeta)("refuses %s on invitations.preview as a 400", async (_name, meta) => {
    const response = await call("invitations.preview", "GET", { json: { token }, meta });
    const body = await response.json();
    expect(response.status).toBe(400);
    expect(body.error.json.message).toBe("That request couldn't be read.");
  });

  it("refuses a hostile annotation on a mutation (invitations.accept) too", async () => {
    const response = await call("invitations.accept", "POST", {
      json: { token, name: "Sam", password: "a-long-test-passphrase" },
      meta: { values: { name: ["class", "x"] }, v: 1 },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.json.message).toBe("That request couldn't be read.");
  });

  it("still reads an ordinary request: the lookup runs and finds no such invitation", async () => {
    const plain = await call("invitations.preview", "GET", { json: { token } });
    expect(plain.status).toBe(404);
    const annotated = await call("invitations.preview", "GET", { json: { token }, meta: { values: {}, referentialEqualities: {}, v: 1 } });
    expect(annotated.status).toBe(404);
  });
});
