"use client";
import { useEffect } from "react";
import { forgetDeviceDrafts } from "@/components/exercise/autosave/device-drafts";
import { CLIENT_PAGES_CACHE } from "@/lib/offline/cache-names";

/**
 * After signing out (or a deleted account, or a password reset): nothing of the person's is left on this device,
 * neither encrypted unsent answers nor the pages kept for opening without a connection (decision 0024).
 */
export function ForgetThisDevice() {
  useEffect(() => {
    void forgetDeviceDrafts();
    if (typeof caches !== "undefined") void caches.delete(CLIENT_PAGES_CACHE).catch(() => undefined);
  }, []);
  return null;
}
