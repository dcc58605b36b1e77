import { beforeEach, describe, expect, it, vi } from "vitest";

/**
 * The two server actions anyone can post to without signing in. A body that isn't our page's form
 * gets the same kind of answer as any refusal (a state with a plain message) and reaches neither
 * sign-in nor the invitation service; an ordinary form goes through as before.
 */
const signIn = vi.fn();
const accept = vi.fn();
vi.mock("@/server/auth/next-auth", () => ({ signIn: (...args: unknown[]) => signIn(...args) }));
vi.mock("@/server/trpc/server-caller", () => ({ getServerCaller: async () => ({ invitations: { accept: (...args: unknown[]) => accept(...args) } }) }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { to });
  },
}));

const { signInAction } = await import("@/app/sign-in/actions");
const { acceptInvitationAction } = await import("@/app/invite/[token]/actions");
const { readFormFields, UNREADABLE_FORM } = await import("@/server/validation/form-fields");

const form = (entries: Array<[string, string | Blob]>) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};
const token = "t".repeat(43);
const signInForm = (overrides: Record<string, string> = {}) =>
  form(Object.entries({ email: "client@a.test", password: "a-long-test-passphrase", next: "/", ...overrides }));
const acceptForm = (overrides: Record<string, string> = {}) =>
  form(Object.entries({ name: "Sam", password: "a calm river at dusk", confirm: "a calm river at dusk", ...overrides }));

/**
 * Bodies a page never sends: not a form, a file for a text field, a field twice, a NUL. (FormData
 * holds only well-formed text: a lone surrogate is already "�" by the time an action sees it.)
 */
const malformed = (base: (overrides?: Record<string, string>) => FormData, field: string): Array<[string, unknown]> => [
  ["nothing", undefined],
  ["null", null],
  ["a string", "email=x"],
  ["a plain object", { [field]: "x" }],
  ["an array", [[field, "x"]]],
  ["an object whose getAll throws", { getAll: () => { throw new Error("boom"); } }],
  ["a file where text belongs", form([[field, new Blob(["x"])]])],
  ["a field sent twice", form([[field, "a"], [field, "b"]])],
  ["a NUL in a field", base({ [field]: "a\u0000b" })],
];

beforeEach(() => {
  signIn.mockReset();
  accept.mockReset();
});

describe("signInAction", () => {
  it.each(malformed(signInForm, "email"))("answers %s with a plain message and doesn't try to sign in", async (_name, body) => {
    await expect(signInAction({ error: null, email: "" }, body as FormData)).resolves.toEqual({ error: UNREADABLE_FORM, email: "" });
    expect(signIn).not.toHaveBeenCalled();
  });

  it("signs in from an ordinary form, as before", async () => {
    await expect(signInAction({ error: null, email: "" }, signInForm({ next: "/coach" }))).rejects.toMatchObject({ to: "/?next=%2Fcoach" });
    // Without the device's zone (the person never focused a field, or no script ran), an empty one.
    expect(signIn).toHaveBeenCalledWith("credentials", { email: "client@a.test", password: "a-long-test-passphrase", deviceTimeZone: "", redirect: false });
  });

  it("passes the device's time zone on, when the form read it", async () => {
    await expect(signInAction({ error: null, email: "" }, signInForm({ deviceTimeZone: "Europe/Lisbon" }))).rejects.toMatchObject({ to: "/" });
    expect(signIn).toHaveBeenCalledWith("credentials", { email: "client@a.test", password: "a-long-test-passphrase", deviceTimeZone: "Europe/Lisbon", redirect: false });
  });

  it("still asks for both fields when one is missing", async () => {
    await expect(signInAction({ error: null, email: "" }, form([["email", "client@a.test"]]))).resolves.toEqual({
      error: "Please enter your email and password.",
      email: "client@a.test",
    });
  });
});

describe("acceptInvitationAction", () => {
  const empty = { error: null, fields: {}, name: "" };

  it.each(malformed(acceptForm, "name"))("answers %s with a plain message and doesn't call the service", async (_name, body) => {
    await expect(acceptInvitationAction(token, empty, body as FormData)).resolves.toEqual({ error: UNREADABLE_FORM, fields: {}, name: "" });
    expect(accept).not.toHaveBeenCalled();
  });

  it("answers a token that isn't text the same way", async () => {
    await expect(acceptInvitationAction({ token } as unknown as string, empty, acceptForm())).resolves.toEqual({ error: UNREADABLE_FORM, fields: {}, name: "" });
    expect(accept).not.toHaveBeenCalled();
  });

  it("accepts an ordinary form, as before", async () => {
    accept.mockResolvedValue({ email: "sam@example.test" });
    await expect(acceptInvitationAction(token, empty, acceptForm())).rejects.toMatchObject({ to: "/" });
    expect(accept).toHaveBeenCalledWith({ token, name: "Sam", password: "a calm river at dusk" });
  });
});

describe("readFormFields", () => {
  it("gives each named field, a missing one as empty text", () => {
    expect(readFormFields(form([["a", "1"]]), ["a", "b"])).toEqual({ a: "1", b: "" });
  });
});
