import { describe, expect, it } from "vitest";
import { sameOriginPath } from "@/lib/navigation/same-origin-path";

const APP = "https://hearth.example:8443";

describe("sameOriginPath (redirect targets from input)", () => {
  it("keeps paths on the app, with their query and fragment", () => {
    expect(sameOriginPath("/", APP)).toBe("/");
    expect(sameOriginPath("/client/assignments/1?tab=share#answer-2", APP)).toBe("/client/assignments/1?tab=share#answer-2");
    expect(sameOriginPath("/coach/../admin", APP)).toBe("/admin");
    expect(sameOriginPath("/%5Cevil.example/x", APP)).toBe("/%5Cevil.example/x"); // still encoded: a path of ours
  });

  it.each([
    ["backslash after the slash (from ?next=/%5Cevil.example/x)", "/\\evil.example/x"],
    ["slash, backslash", "/\\/evil.example"],
    ["backslash, slash", "\\/evil.example"],
    ["two backslashes", "\\\\evil.example"],
    ["protocol-relative", "//evil.example/x"],
    ["three slashes", "///evil.example/x"],
    ["a second slash that appears once normalised", "/.//evil.example/x"],
    ["the same, one level up", "/a/..//evil.example"],
    ["tab after the slash", "/\t/evil.example"],
    ["newline after the slash", "/\n/evil.example"],
    ["carriage return", "/\r\n/evil.example"],
    ["NUL", "/\u0000/evil.example"],
    ["DEL", "/\u007f/evil.example"],
    ["leading space", " /client"],
    ["space inside", "/ /evil.example"],
    ["line separator", "/\u2028/evil.example"],
    ["absolute URL elsewhere", "https://evil.example/x"],
    ["absolute URL on our host (refused too: only paths)", "https://hearth.example:8443/client"],
    ["scheme without slashes", "https:evil.example"],
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["relative path", "client"],
    ["empty", ""],
    ["very long", `/${"a".repeat(5000)}`],
  ])("refuses %s", (_name, target) => {
    expect(sameOriginPath(target, APP)).toBeNull();
  });

  it("refuses what is not a string", () => {
    for (const target of [undefined, null, 1, ["/client"], { href: "/client" }]) expect(sameOriginPath(target, APP)).toBeNull();
  });

  it("never returns something a browser would resolve to another origin", () => {
    const candidates = ["/", "/a", "/\\x", "//x", "/\t/x", "/.//x", "/%2F%2Fx", "/@evil.example", "/:evil.example", "/?//evil.example", "/#//evil.example"];
    for (const target of candidates) {
      const path = sameOriginPath(target, APP);
      if (path !== null) expect(new URL(path, APP).origin, target).toBe(APP);
    }
  });
});
