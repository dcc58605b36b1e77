import { describe, expect, it } from "vitest";
import { clientAddressFrom, normalizeAddress, PEER_ADDRESS_HEADER } from "@/server/auth/client-address";

const request = (headers: Record<string, string>) => new Headers(headers);

describe("the client address used for sign-in limits", () => {
  it("with no trusted proxy, is the connection's address and ignores X-Forwarded-For", () => {
    const headers = request({ [PEER_ADDRESS_HEADER]: "203.0.113.9", "x-forwarded-for": "198.51.100.1, 198.51.100.2" });
    expect(clientAddressFrom(headers, 0)).toBe("203.0.113.9");
  });

  it("with one proxy of ours, is the entry that proxy appended, not what the client wrote before it", () => {
    const headers = request({ [PEER_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "6.6.6.6, 203.0.113.9" });
    expect(clientAddressFrom(headers, 1)).toBe("203.0.113.9");
    expect(clientAddressFrom(request({ "x-forwarded-for": "6.6.6.6, 198.51.100.4, 10.0.0.3" }), 2)).toBe("198.51.100.4");
  });

  it("with a proxy configured but a request that went around it, falls back to the connection", () => {
    expect(clientAddressFrom(request({ [PEER_ADDRESS_HEADER]: "203.0.113.9" }), 1)).toBe("203.0.113.9");
  });

  it("without scripts/serve.mjs, uses the entry Next.js adds from the connection", () => {
    expect(clientAddressFrom(request({ "x-forwarded-for": "::1" }), 0)).toBe("0:0:0:0::/64");
    expect(clientAddressFrom(request({}), 0)).toBe("unknown");
  });

  it("normalises addresses: IPv4-mapped IPv6, ports, brackets; IPv6 by its /64; junk is unknown", () => {
    expect(normalizeAddress("::ffff:192.0.2.5")).toBe("192.0.2.5");
    expect(normalizeAddress("192.0.2.5:51234")).toBe("192.0.2.5");
    expect(normalizeAddress("[2001:db8:1:2:3:4:5:6]:443")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("2001:db8:1:2::99")).toBe(normalizeAddress("2001:0db8:0001:0002:ffff::1"));
    expect(normalizeAddress("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(normalizeAddress("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    for (const junk of ["", "not-an-ip", "999.1.1.1", "1.2.3.4, 5.6.7.8", "<script>", undefined, null]) expect(normalizeAddress(junk)).toBe("unknown");
  });
});
