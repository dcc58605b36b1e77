"use client";
import { useEffect } from "react";

/**
 * Registers the service worker from a client's pages only (decision 0024): it keeps the app's code and the
 * client's exercise pages, without answers, for opening without a connection.
 */
export function RegisterServiceWorker() {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    void navigator.serviceWorker.register("/serwist/sw.js", { scope: "/", type: "module" }).catch(() => undefined);
  }, []);
  return null;
}
