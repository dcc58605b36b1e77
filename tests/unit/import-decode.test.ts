import { describe, expect, it } from "vitest";
import { InvalidInputError } from "@/server/errors";
import { decodeImportFile, IMPORT_MAX_BYTES } from "@/server/services/content/import/decode-file";

const utf8 = (text: string) => new TextEncoder().encode(text);

function problemOf(file: { name: string; bytes: Uint8Array }): string {
  try {
    decodeImportFile(file);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).message.length).toBeGreaterThan(20);
    return String((error as InvalidInputError).details?.problem);
  }
  throw new Error("expected the file to be refused");
}

describe("decodeImportFile", () => {
  it("reads .txt and .md files as text", () => {
    expect(decodeImportFile({ name: "notes.txt", bytes: utf8("Hello “there” — friend…") })).toBe("Hello “there” — friend…");
    expect(decodeImportFile({ name: "Part 2.MD", bytes: utf8("# Title\n\nText") })).toBe("# Title\n\nText");
  });

  it("strips a byte order mark and turns CRLF and CR into LF", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("one\r\ntwo\rthree\n")]);
    expect(decodeImportFile({ name: "a.txt", bytes })).toBe("one\ntwo\nthree\n");
  });

  it("refuses other file types", () => {
    expect(problemOf({ name: "article.docx", bytes: utf8("text") })).toBe("extension");
    expect(problemOf({ name: "article.txt.exe", bytes: utf8("text") })).toBe("extension");
    expect(problemOf({ name: ".txt", bytes: utf8("text") })).toBe("extension");
    expect(problemOf({ name: "noextension", bytes: utf8("text") })).toBe("extension");
  });

  it("refuses files over 200 KB and accepts one exactly at the limit", () => {
    expect(IMPORT_MAX_BYTES).toBe(200 * 1024);
    expect(problemOf({ name: "big.txt", bytes: new Uint8Array(IMPORT_MAX_BYTES + 1).fill(0x61) })).toBe("too_large");
    expect(decodeImportFile({ name: "edge.txt", bytes: new Uint8Array(IMPORT_MAX_BYTES).fill(0x61) })).toHaveLength(IMPORT_MAX_BYTES);
  });

  it("refuses text that isn't UTF-8", () => {
    expect(problemOf({ name: "latin1.txt", bytes: new Uint8Array([0x63, 0x61, 0x66, 0xe9]) })).toBe("encoding");
    const utf16 = new Uint8Array([0xff, 0xfe, 0x68, 0x00, 0x69, 0x00]);
    expect(problemOf({ name: "utf16.txt", bytes: utf16 })).toBe("encoding");
    expect(problemOf({ name: "nul.txt", bytes: new Uint8Array([0x68, 0x00, 0x69]) })).toBe("encoding");
  });

  it("refuses empty and whitespace-only files", () => {
    expect(problemOf({ name: "empty.txt", bytes: new Uint8Array() })).toBe("empty");
    expect(problemOf({ name: "blank.md", bytes: utf8(" \n\r\n\t ") })).toBe("empty");
    expect(problemOf({ name: "bom.txt", bytes: new Uint8Array([0xef, 0xbb, 0xbf]) })).toBe("empty");
  });
});
