import { describe, expect, it } from "vitest";
import { signinClientKey } from "./signin-client-key.js";

describe("the key sign-in attempts are counted under", () => {
  it("is the address itself for IPv4, also when written as an IPv4-mapped IPv6 address", () => {
    expect(signinClientKey("203.0.113.7")).toBe("ip:203.0.113.7");
    expect(signinClientKey("::ffff:203.0.113.7")).toBe("ip:203.0.113.7");
    expect(signinClientKey("::FFFF:203.0.113.7")).toBe("ip:203.0.113.7");
  });

  it("is the /64 network for IPv6, which one host or household usually holds whole", () => {
    const key = "ip6:2001:db8:0:1::/64";
    expect(signinClientKey("2001:db8:0:1::1")).toBe(key);
    expect(signinClientKey("2001:0db8:0000:0001:ffff:ffff:ffff:ffff")).toBe(key);
    expect(signinClientKey("2001:DB8:0:1:a:b:c:d")).toBe(key);
    expect(signinClientKey("2001:db8::1:0:0:1")).toBe("ip6:2001:db8:0:0::/64");
    expect(signinClientKey("::1")).toBe("ip6:0:0:0:0::/64");
    expect(signinClientKey("fe80::1%eth0")).toBe("ip6:fe80:0:0:0::/64");
    expect(signinClientKey("64:ff9b::203.0.113.7")).toBe("ip6:64:ff9b:0:0::/64");
    expect(signinClientKey("2001:db8:0:2::1")).not.toBe(key);
  });

  it("keeps anything else as it is", () => {
    expect(signinClientKey("")).toBe("ip:");
    expect(signinClientKey("not an address")).toBe("ip:not an address");
  });
});
