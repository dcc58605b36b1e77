import "server-only";
import net from "node:net";
import { env } from "../env";

/**
 * Set by scripts/serve.mjs on every request, from the connection itself (any incoming copy is overwritten),
 * so it cannot be chosen by the client.
 */
export const PEER_ADDRESS_HEADER = "x-hearth-peer-address";

/**
 * The client's address for sign-in limits. With no trusted proxy (trustedProxies 0), the connection's address:
 * X-Forwarded-For is the client's own word then and is ignored. With n proxies of your own, the n-th
 * X-Forwarded-For entry from the right: each proxy appends the address it saw, so entries further left are
 * again the client's own word. An IPv6 address counts by its /64 network (one household or server gets a whole
 * /64); anything unreadable is "unknown".
 */
export function clientAddressFrom(headers: Headers, trustedProxies: number): string {
  const peer = headers.get(PEER_ADDRESS_HEADER);
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  let raw: string | undefined;
  if (trustedProxies === 0) {
    // Without scripts/serve.mjs (next dev, a plain next start) the best there is: the entry Next.js adds
    // from the connection when the request brought none.
    raw = peer ?? forwarded.at(-1);
  } else {
    raw = forwarded.length >= trustedProxies ? forwarded[forwarded.length - trustedProxies] : (peer ?? forwarded[0]);
  }
  return normalizeAddress(raw);
}

export function normalizeAddress(raw: string | undefined | null): string {
  if (!raw) return "unknown";
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  value = value.replace(/%.*$/, ""); // zone index
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(value);
  if (mapped) value = mapped[1]!;
  const kind = net.isIP(value);
  if (kind === 4) return value;
  if (kind === 6) return `${ipv6Prefix64(value)}::/64`;
  return "unknown";
}

/** The first four groups of an IPv6 address, expanded (`2001:db8::1` → `2001:db8:0:0`). */
function ipv6Prefix64(address: string): string {
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = address.includes("::") ? (tail ? tail.split(":") : []) : [];
  const groups = address.includes("::")
    ? [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill("0"), ...tailGroups]
    : headGroups;
  return groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":");
}

/** The client address of the request being handled (route handler or server action). */
export const clientAddressOf = (headers: Headers) => clientAddressFrom(headers, env.TRUST_PROXY);
