/**
 * The cookie that carries the device-drafts secret (decision 0024): readable by the client's pages (they derive
 * the encryption key from it), kept apart from the encrypted drafts in IndexedDB, sent only to /client pages,
 * deleted at sign-out and gone by itself when a session could no longer be alive.
 */
export const DEVICE_DRAFTS_COOKIE = "hearth-drafts";
export const DEVICE_DRAFTS_COOKIE_PATH = "/client";
