import "server-only";

/** A request body that passed its limit; nothing of it was parsed. */
export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`The request body is larger than ${limitBytes} bytes.`);
    this.name = "BodyTooLargeError";
  }
}

/**
 * Reads a request body into memory, refusing it as soon as it passes `limitBytes`: the declared Content-Length is
 * checked before a byte is read, and the bytes are counted as they arrive, since a chunked body declares no length
 * (and a declared length is only a claim). At most `limitBytes` (plus one network chunk) is ever held.
 * Returns null for a request without a body.
 */
export async function readBodyWithin(req: Request, limitBytes: number): Promise<Uint8Array | null> {
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > limitBytes) {
    await req.body?.cancel().catch(() => undefined);
    throw new BodyTooLargeError(limitBytes);
  }
  if (!req.body) return null;
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(limitBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
