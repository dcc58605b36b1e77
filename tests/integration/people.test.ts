import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, users } from "@/db/schema";
import { userRow, type Caller } from "../helpers/world";
import { useWorld } from "../helpers/use-world";

const { db, world, callers: as } = await useWorld();

async function expectCode(promise: Promise<unknown>, code: TRPCError["code"]) {
  await expect(promise).rejects.toMatchObject({ code });
}

describe("practice.overview", () => {
  it("gives an admin the counts of their own practice", async () => {
    const overview = await as.admin.practice.overview();
    expect(overview).toMatchObject({ practiceName: "Practice A", admins: 1, coaches: 2, clients: 3 });
    const overviewB = await as.adminB.practice.overview();
    expect(overviewB).toMatchObject({ practiceName: "Practice B", admins: 1, coaches: 1, clients: 1 });
  });

  it("is refused to coaches, clients and anonymous visitors", async () => {
    await expectCode(as.coach.practice.overview(), "FORBIDDEN");
    await expectCode(as.client.practice.overview(), "FORBIDDEN");
    await expectCode(as.anonymous.practice.overview(), "UNAUTHORIZED");
  });
});

describe("users.me", () => {
  it("returns the signed-in person", async () => {
    expect(await as.client.users.me()).toMatchObject({ id: world.ids.client, role: "client", email: "client@a.test" });
    await expectCode(as.anonymous.users.me(), "UNAUTHORIZED");
  });
});

describe("users.list", () => {
  it("lists only the admin's own practice, in pages that cover everyone once", async () => {
    const seen: string[] = [];
    let cursor: { name: string; id: string } | null = null;
    do {
      const page: Awaited<ReturnType<Caller["users"]["list"]>> = await as.admin.users.list({ limit: 2, cursor });
      seen.push(...page.items.map((u) => u.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    expect(seen).not.toContain(world.ids.clientB);
  });

  it("filters by role", async () => {
    const coaches = await as.admin.users.list({ role: "coach", limit: 50 });
    expect(coaches.items.map((u) => u.id).sort()).toEqual([world.ids.coach, world.ids.otherCoach].sort());
  });

  it("is refused to non-admins", async () => {
    await expectCode(as.coach.users.list({ limit: 10 }), "FORBIDDEN");
    await expectCode(as.client.users.list({ limit: 10 }), "FORBIDDEN");
    await expectCode(as.anonymous.users.list({ limit: 10 }), "UNAUTHORIZED");
  });

  it("rejects bad input with a clear error", async () => {
    await expectCode(as.admin.users.list({ limit: 1000 }), "BAD_REQUEST");
    await expectCode(as.admin.users.list({ limit: 10, extra: true } as never), "BAD_REQUEST");
    await expectCode(as.admin.users.list({ role: "owner" as never, limit: 10 }), "BAD_REQUEST");
  });
});

describe("users.setDisabled", () => {
  it("disables and re-enables a user of the practice, leaving a trace", async () => {
    const disabled = await as.admin.users.setDisabled({ userId: world.ids.client2, disabled: true });
    expect(disabled.disabled).toBe(true);
    const enabled = await as.admin.users.setDisabled({ userId: world.ids.client2, disabled: false });
    expect(enabled.disabled).toBe(false);
    const trail = await db.select().from(auditEvents).where(eq(auditEvents.subjectUserId, world.ids.client2));
    expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(["user.disabled", "user.enabled"]));
  });

  it("can't reach another practice's user: NOT_FOUND, and nothing changes", async () => {
    const before = await userRow(db, world.ids.clientB);
    await expectCode(as.admin.users.setDisabled({ userId: world.ids.clientB, disabled: true }), "NOT_FOUND");
    expect(await userRow(db, world.ids.clientB)).toEqual(before);
  });

  it("won't let an admin lock themselves out", async () => {
    await expectCode(as.admin.users.setDisabled({ userId: world.ids.admin, disabled: true }), "FORBIDDEN");
    expect((await userRow(db, world.ids.admin)).disabledAt).toBeNull();
  });

  it("is refused to coaches and clients, and rejects bad input, changing nothing", async () => {
    const before = await userRow(db, world.ids.client);
    await expectCode(as.coach.users.setDisabled({ userId: world.ids.client, disabled: true }), "FORBIDDEN");
    await expectCode(as.client.users.setDisabled({ userId: world.ids.client2, disabled: true }), "FORBIDDEN");
    await expectCode(as.anonymous.users.setDisabled({ userId: world.ids.client, disabled: true }), "UNAUTHORIZED");
    await expectCode(as.admin.users.setDisabled({ userId: "not-a-uuid", disabled: true }), "BAD_REQUEST");
    await expectCode(as.admin.users.setDisabled({ userId: world.ids.client } as never), "BAD_REQUEST");
    expect(await userRow(db, world.ids.client)).toEqual(before);
  });
});

describe("users.changeRole", () => {
  it("promotes a coach to admin and back", async () => {
    expect((await as.admin.users.changeRole({ userId: world.ids.otherCoach, role: "admin" })).role).toBe("admin");
    expect((await as.admin.users.changeRole({ userId: world.ids.otherCoach, role: "coach" })).role).toBe("coach");
  });

  it("doesn't turn clients into staff, nor reach another practice", async () => {
    await expectCode(as.admin.users.changeRole({ userId: world.ids.client, role: "coach" }), "FORBIDDEN");
    await expectCode(as.admin.users.changeRole({ userId: world.ids.coachB, role: "admin" }), "NOT_FOUND");
    await expectCode(as.coach.users.changeRole({ userId: world.ids.otherCoach, role: "admin" }), "FORBIDDEN");
    await expectCode(as.admin.users.changeRole({ userId: world.ids.coach, role: "client" as never }), "BAD_REQUEST");
    const [coachB] = await db.select().from(users).where(eq(users.id, world.ids.coachB));
    expect(coachB!.role).toBe("coach");
    expect((await userRow(db, world.ids.client)).role).toBe("client");
  });
});

describe("clients.list and clients.get", () => {
  it("gives a coach only their own clients", async () => {
    const mine = await as.coach.clients.list({ limit: 50 });
    expect(mine.items.map((c) => c.id).sort()).toEqual([world.ids.client, world.ids.client2].sort());
    const theirs = await as.otherCoach.clients.list({ limit: 50 });
    expect(theirs.items.map((c) => c.id)).toEqual([world.ids.otherClient]);
    expect((await as.coach.clients.get({ clientId: world.ids.client })).name).toBe("Cleo Client");
  });

  it("pages through a roster without repeats", async () => {
    const first = await as.coach.clients.list({ limit: 1 });
    const second = await as.coach.clients.list({ limit: 1, cursor: first.nextCursor });
    expect(first.items).toHaveLength(1);
    expect(second.items).toHaveLength(1);
    expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
    expect(second.nextCursor).toBeNull();
  });

  it("hides other coaches' and other practices' clients as NOT_FOUND", async () => {
    await expectCode(as.coach.clients.get({ clientId: world.ids.otherClient }), "NOT_FOUND");
    await expectCode(as.coach.clients.get({ clientId: world.ids.clientB }), "NOT_FOUND");
    await expectCode(as.coachB.clients.get({ clientId: world.ids.client }), "NOT_FOUND");
    // An admin coaches only their own clients: none here.
    await expectCode(as.admin.clients.get({ clientId: world.ids.client }), "NOT_FOUND");
    expect((await as.admin.clients.list({ limit: 50 })).items).toEqual([]);
  });

  it("is refused to clients and anonymous visitors, and rejects bad input", async () => {
    await expectCode(as.client.clients.list({ limit: 10 }), "FORBIDDEN");
    await expectCode(as.anonymous.clients.list({ limit: 10 }), "UNAUTHORIZED");
    await expectCode(as.coach.clients.get({ clientId: "nope" }), "BAD_REQUEST");
    await expectCode(as.coach.clients.list({ limit: 0 }), "BAD_REQUEST");
  });
});

describe("procedures that take no input", () => {
  it("refuse unexpected fields instead of ignoring them", async () => {
    await expectCode(as.admin.practice.overview({ extra: 1 } as never), "BAD_REQUEST");
    await expectCode(as.client.users.me({ extra: 1 } as never), "BAD_REQUEST");
    await expectCode(as.client.sessions.end({ all: true } as never), "BAD_REQUEST");
    expect(await as.client.users.me()).toMatchObject({ id: world.ids.client });
  });
});
