import type { AnswerValue } from "@/lib/content/prompts";
import { DEVICE_DRAFTS_COOKIE } from "@/lib/offline/device-drafts-cookie";

/**
 * Unsent answers kept on this device, encrypted (decision 0024), so a tab the phone kills, a browser restart or a
 * reboot loses nothing. Each record is AES-GCM encrypted under a key derived (HKDF) from a secret the server hands
 * to the signed-in client as a cookie; the key itself is never stored, only held in memory as a non-extractable
 * CryptoKey. A record exists only while its text hasn't reached the server: it is deleted once the server has it.
 */

/** What a page needs to pick up where a closed page left off: the text, and the saves it had sent. */
export type DeviceDraft = {
  value: AnswerValue;
  /** The server version the text is based on. */
  baseVersion: number;
  /** A save that was on its way: resent with the same saveId, so it is applied at most once. */
  pending: { saveId: string; value: AnswerValue; baseVersion: number } | null;
  /** saveIds this device sent for the prompt: a stored one of these is our own text, not someone else's. */
  ownSaveIds: string[];
};

type StoredRecord = { id: string; iv: Uint8Array<ArrayBuffer>; data: ArrayBuffer; storedAt: number };

const DATABASE = "hearth-drafts";
const STORE = "drafts";
const encoder = new TextEncoder();

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=") || null;
  }
  return null;
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openDatabase(): Promise<IDBDatabase> {
  const opening = indexedDB.open(DATABASE, 1);
  opening.onupgradeneeded = () => opening.result.createObjectStore(STORE, { keyPath: "id" });
  return request(opening);
}

async function withStore<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDatabase();
  try {
    const tx = db.transaction(STORE, mode, { durability: "strict" });
    const result = await request(run(tx.objectStore(STORE)));
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = tx.onabort = () => reject(tx.error);
    });
    return result;
  } finally {
    db.close();
  }
}

/**
 * Asks the server for this client's secret (while online). It also comes as a cookie, for pages opened later
 * (offline too); a page that was loaded before the cookie existed may not see it, so the reply carries it too.
 * Offline or signed out: null, and the cookie from the last visit (if any) is used.
 */
export async function refreshDeviceSecret(): Promise<string | null> {
  try {
    const response = await fetch("/api/device-key", { credentials: "same-origin", cache: "no-store" });
    if (!response.ok) return null;
    const body = (await response.json()) as { secret?: unknown };
    return typeof body.secret === "string" ? body.secret : null;
  } catch {
    return null;
  }
}

/** The answers as the server last held them, for opening an exercise without a connection. */
export type KnownAnswer = { promptId: string; value: AnswerValue; version: number };

export type DeviceDrafts = {
  /**
   * The drafts closed (or other) pages of this exercise left, the newest per prompt (with every saveId any of
   * them sent), and the records they came from: this page takes them over and discards them once it has
   * written its own.
   */
  load(assignmentId: string): Promise<{ drafts: Map<string, DeviceDraft>; adopted: string[] }>;
  discard(recordIds: string[]): Promise<void>;
  put(assignmentId: string, promptId: string, draft: DeviceDraft): Promise<void>;
  remove(assignmentId: string, promptId: string): Promise<void>;
  loadKnown(assignmentId: string): Promise<KnownAnswer[] | null>;
  putKnown(assignmentId: string, answers: KnownAnswer[]): Promise<void>;
};

/** Opens this client's drafts on this device, or null when there is no secret (signed out) or no IndexedDB. */
export async function openDeviceDrafts(given: string | null = null): Promise<DeviceDrafts | null> {
  if (typeof indexedDB === "undefined" || !globalThis.crypto?.subtle) return null;
  const secret = given ?? readCookie(DEVICE_DRAFTS_COOKIE);
  if (!secret) return null;
  const subtle = crypto.subtle;
  const base = await subtle.importKey("raw", fromBase64Url(secret), "HKDF", false, ["deriveKey", "deriveBits"]);
  const hkdf = (info: string) => ({ name: "HKDF", hash: "SHA-256", salt: encoder.encode("hearth"), info: encoder.encode(info) });
  const key = await subtle.deriveKey(hkdf("answers aes-gcm"), base, { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
  // Records are filed under an id of the key, so one account's page never touches another's records.
  const keyId = [...new Uint8Array(await subtle.deriveBits(hkdf("record prefix"), base, 128))].map((b) => b.toString(16).padStart(2, "0")).join("");
  // One record per prompt and page: two tabs of one exercise never overwrite or delete each other's text.
  const pageId = crypto.randomUUID();
  const prefixOf = (assignmentId: string) => `${keyId}|${assignmentId}|`;
  const idOf = (assignmentId: string, promptId: string) => `${prefixOf(assignmentId)}${promptId}|${pageId}`;
  const running = new Map<string, Promise<void>>();
  const waiting = new Map<string, () => Promise<unknown>>();

  // Writes to one record go one after another, so an older text can never land after a newer one; while one is
  // being written, only the latest of the writes waiting behind it is kept (typing makes many).
  const queue = (id: string, write: () => Promise<unknown>): Promise<void> => {
    const queued = waiting.has(id);
    waiting.set(id, write);
    if (queued) return running.get(id)!;
    const next = (running.get(id) ?? Promise.resolve()).then(async () => {
      const latest = waiting.get(id);
      waiting.delete(id);
      await latest?.().catch(() => undefined);
    });
    running.set(id, next);
    void next.then(() => {
      if (running.get(id) === next) running.delete(id);
    });
    return next;
  };

  const knownIdOf = (assignmentId: string) => `${keyId}#known|${assignmentId}`;

  async function decrypted<T>(record: StoredRecord): Promise<T | null> {
    try {
      const plain = await subtle.decrypt({ name: "AES-GCM", iv: record.iv, additionalData: encoder.encode(record.id) }, key, record.data);
      return JSON.parse(new TextDecoder().decode(plain)) as T;
    } catch {
      // Not readable with this key (damaged): it can never be read, so it goes.
      void queue(record.id, () => withStore("readwrite", (store) => store.delete(record.id)));
      return null;
    }
  }

  const write = (id: string, content: unknown) =>
    queue(id, async () => {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      // The record's id is authenticated with it: a record can't be moved to another prompt or exercise.
      const data = await subtle.encrypt({ name: "AES-GCM", iv, additionalData: encoder.encode(id) }, key, encoder.encode(JSON.stringify(content)));
      const record: StoredRecord = { id, iv, data, storedAt: Date.now() };
      await withStore("readwrite", (store) => store.put(record));
    });

  return {
    async load(assignmentId) {
      const prefix = prefixOf(assignmentId);
      const records = await withStore("readonly", (store) => store.getAll(IDBKeyRange.bound(prefix, `${prefix}\uffff`)) as IDBRequest<StoredRecord[]>);
      const drafts = new Map<string, DeviceDraft & { storedAt: number }>();
      for (const record of records.sort((a, b) => a.storedAt - b.storedAt)) {
        const draft = await decrypted<DeviceDraft>(record);
        if (!draft) continue;
        const promptId = record.id.slice(prefix.length, record.id.lastIndexOf("|"));
        const older = drafts.get(promptId);
        const ownSaveIds = [...new Set([...(older?.ownSaveIds ?? []), ...draft.ownSaveIds, ...(older?.pending ? [older.pending.saveId] : [])])];
        drafts.set(promptId, { ...draft, ownSaveIds, storedAt: record.storedAt });
      }
      return { drafts: new Map([...drafts].map(([promptId, { storedAt: _at, ...draft }]) => [promptId, draft])), adopted: records.map((r) => r.id) };
    },
    async discard(recordIds) {
      await Promise.all(recordIds.map((id) => queue(id, () => withStore("readwrite", (store) => store.delete(id)))));
    },
    put: (assignmentId, promptId, draft) => write(idOf(assignmentId, promptId), draft),
    async loadKnown(assignmentId) {
      const record = await withStore("readonly", (store) => store.get(knownIdOf(assignmentId)) as IDBRequest<StoredRecord | undefined>);
      return record ? decrypted<KnownAnswer[]>(record) : null;
    },
    putKnown: (assignmentId, answers) => write(knownIdOf(assignmentId), answers),
    remove(assignmentId, promptId) {
      const id = idOf(assignmentId, promptId);
      return queue(id, () => withStore("readwrite", (store) => store.delete(id)));
    },
  };
}

/** Sign-out: nothing of this person's unsent text stays on the device. */
export function forgetDeviceDrafts(): Promise<void> {
  if (typeof indexedDB === "undefined") return Promise.resolve();
  return new Promise((resolve) => {
    const deleting = indexedDB.deleteDatabase(DATABASE);
    deleting.onsuccess = deleting.onerror = deleting.onblocked = () => resolve();
  });
}
