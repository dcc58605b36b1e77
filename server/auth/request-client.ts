import "server-only";
import { headers } from "next/headers";
import type { RequestClient } from "../trpc/context";
import { clientAddressOf } from "./client-address";

/** The client address and user agent of the request being handled (route handler, page or server action). */
export async function requestClient(): Promise<RequestClient> {
  const incoming = await headers();
  return { address: clientAddressOf(incoming), userAgent: (incoming.get("user-agent") ?? "").slice(0, 512) };
}
