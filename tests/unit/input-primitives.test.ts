import { describe, expect, it } from "vitest";
import { answerValueSchema, promptSchema } from "@/server/services/content/prompt-schemas";
import { DATE_RANGE, dateInRange } from "@/server/validation/dates";
import { idSchema } from "@/server/validation/ids";
import { pageLimit, revisionSchema } from "@/server/validation/numbers";
import { TEXT_MESSAGES, text, textProblem } from "@/server/validation/text";

const messagesOf = (result: { success: boolean; error?: { issues: Array<{ message: string; path: PropertyKey[] }> } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe("text()", () => {
  const field = text({ min: 1, empty: "Say something.", max: 10, tooLong: "Ten at most." });

  it("trims, then counts what is left", () => {
    expect(field.parse("  hello  ")).toBe("hello");
    expect(messagesOf(field.safeParse("   "))).toEqual(["Say something."]);
    expect(messagesOf(field.safeParse("x".repeat(11)))).toEqual(["Ten at most."]);
  });

  it("keeps surrounding whitespace when told to", () => {
    expect(text({ max: 10, trim: false }).parse("  a  ")).toBe("  a  ");
  });

  it.each([
    ["a NUL character", "a\u0000b", TEXT_MESSAGES.nul],
    ["a NUL character alone", "\u0000", TEXT_MESSAGES.nul],
    ["a lone high surrogate", "\ud800x", TEXT_MESSAGES.brokenCharacter],
    ["a lone low surrogate", "x\udc00", TEXT_MESSAGES.brokenCharacter],
    ["a pair written the wrong way round", "\udc00\ud800", TEXT_MESSAGES.brokenCharacter],
  ])("refuses %s with one plain message", (_name, value, message) => {
    expect(messagesOf(field.safeParse(value))).toEqual([message]);
    expect(textProblem(value)).toBe(message);
  });

  it("takes every real character, emoji and accents included", () => {
    for (const value of ["café", "🌱", "👩🏽‍💻", "שלום", "\t\n tab"]) {
      expect(text({ max: 50, trim: false }).parse(value)).toBe(value);
      expect(textProblem(value)).toBeNull();
    }
  });

  it("stays a string schema that fields can add to", () => {
    expect(text({ max: 20 }).toLowerCase().parse(" Trust ")).toBe("trust");
    expect(text({ max: 20 }).regex(/^\d+$/).safeParse("12a").success).toBe(false);
  });
});

describe("dateInRange()", () => {
  const due = dateInRange("A due date");

  it.each([
    ["the largest date JavaScript has", new Date(8_640_000_000_000_000)],
    ["the smallest", new Date(-8_640_000_000_000_000)],
    ["a millisecond before the range", new Date(DATE_RANGE.earliest.getTime() - 1)],
    ["a millisecond after it", new Date(DATE_RANGE.latest.getTime() + 1)],
  ])("refuses %s, naming the field and the range", (_name, value) => {
    expect(messagesOf(due.safeParse(value))).toEqual(["A due date must be between the years 2000 and 2200."]);
  });

  it("refuses an invalid date and text", () => {
    expect(messagesOf(due.safeParse(new Date("nope")))).toEqual(["A due date must be a valid date."]);
    expect(due.safeParse("2030-01-01").success).toBe(false);
  });

  it("takes the ends of the range and anything between", () => {
    for (const value of [DATE_RANGE.earliest, DATE_RANGE.latest, new Date("2031-06-15T12:00:00Z")]) expect(due.parse(value)).toEqual(value);
  });
});

describe("ids and numbers", () => {
  it("ids are UUIDs", () => {
    expect(idSchema.safeParse("0b7c1f0e-6a4c-4b4e-9a51-3b0c4d1e2f30").success).toBe(true);
    for (const value of ["42", "", "0b7c1f0e-6a4c-4b4e-9a51-3b0c4d1e2f30\u0000", "' or 1=1 --"]) expect(idSchema.safeParse(value).success).toBe(false);
  });

  it("counts are whole and bounded", () => {
    expect(revisionSchema.safeParse(1).success).toBe(true);
    for (const value of [0, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1_000_000_001]) expect(revisionSchema.safeParse(value).success).toBe(false);
    expect(pageLimit(20).parse(undefined)).toBe(20);
    expect(pageLimit(20).safeParse(101).success).toBe(false);
  });
});

describe("nested strings in prompts and answers", () => {
  const prompt = { kind: "single_choice", id: "p1", label: "Which?", options: ["One", "Two"] };

  it.each([
    ["the label", { ...prompt, label: "Which\u0000?" }, "label"],
    ["the help", { ...prompt, help: "\ud800" }, "help"],
    ["an option", { ...prompt, options: ["One", "T\u0000wo"] }, "options.1"],
    ["the section anchor", { ...prompt, sectionAnchor: "a\u0000" }, "sectionAnchor"],
    ["a scale's end label", { kind: "scale", id: "s", label: "How much?", min: 1, max: 5, minLabel: "\udfff" }, "minLabel"],
  ])("refuse a hostile character in %s", (_name, value, path) => {
    const issues = promptSchema.safeParse(value).error?.issues ?? [];
    expect(issues.map((issue) => issue.path.join("."))).toContain(path);
  });

  it.each([
    ["a text answer", { kind: "text", text: "I felt\u0000 calm" }],
    ["a text answer with a lone surrogate", { kind: "text", text: "\ud800x" }],
    ["a chosen option", { kind: "choice", selected: ["\ud83d"] }],
  ])("refuse a hostile character in %s", (_name, value) => {
    expect(answerValueSchema.safeParse(value).success).toBe(false);
  });

  it("keep an answer's text exactly as typed", () => {
    expect(answerValueSchema.parse({ kind: "text", text: "  two spaces, then a line\n" })).toEqual({ kind: "text", text: "  two spaces, then a line\n" });
  });
});

describe("sign-in credentials", () => {
  it("refuse characters no account's email or password has, so no lookup runs", async () => {
    const { credentialsSchema } = await import("@/server/auth/credentials");
    expect(credentialsSchema.parse({ email: " client@a.test ", password: " pass " })).toEqual({ email: "client@a.test", password: " pass " });
    expect(credentialsSchema.safeParse({ email: "client@a.test\u0000", password: "x" }).success).toBe(false);
    expect(credentialsSchema.safeParse({ email: "client@a.test", password: "\ud800" }).success).toBe(false);
  });
});
