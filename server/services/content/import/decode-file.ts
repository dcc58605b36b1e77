import "server-only";
import { InvalidInputError } from "@/server/errors";

/**
 * Reads an uploaded document into text, or refuses it with a plain reason. Pure (TextDecoder
 * exists in the browser and in Node), so the upload form can check a file before sending it.
 */

export const IMPORT_MAX_BYTES = 200 * 1024;
export const IMPORT_EXTENSIONS = [".txt", ".md"] as const;

export type ImportFileProblem = "extension" | "too_large" | "encoding" | "empty";

const MESSAGES: Record<ImportFileProblem, string> = {
  extension: "Only .txt and .md files can be imported. Please save the document as plain text or Markdown and try again.",
  too_large: `This file is larger than ${IMPORT_MAX_BYTES / 1024} KB. Please split it into smaller documents and import them one at a time.`,
  encoding: "This file isn't saved as UTF-8 text, so it can't be read. Please save it as UTF-8 plain text and try again.",
  empty: "This file is empty, so there is nothing to import.",
};

function refuse(problem: ImportFileProblem, fileName: string): never {
  throw new InvalidInputError(MESSAGES[problem], { problem, fileName });
}

export function decodeImportFile(file: { name: string; bytes: Uint8Array }): string {
  const name = file.name.trim().toLowerCase();
  if (!IMPORT_EXTENSIONS.some((extension) => name.endsWith(extension) && name.length > extension.length)) {
    refuse("extension", file.name);
  }
  if (file.bytes.byteLength > IMPORT_MAX_BYTES) refuse("too_large", file.name);
  if (file.bytes.byteLength === 0) refuse("empty", file.name);

  let text: string;
  try {
    // fatal: invalid byte sequences throw instead of silently becoming "�".
    text = new TextDecoder("utf-8", { fatal: true }).decode(file.bytes);
  } catch {
    refuse("encoding", file.name);
  }
  // UTF-16 files decode "successfully" as UTF-8 full of NUL characters.
  if (text.includes("\u0000")) refuse("encoding", file.name);

  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (text.trim() === "") refuse("empty", file.name);
  return text;
}
