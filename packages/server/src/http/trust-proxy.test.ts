import { describe, expect, it } from "vitest";
import { configFromEnv } from "../config.js";
import { parseTrustProxy } from "./trust-proxy.js";

describe("AIMS_TRUST_PROXY", () => {
  it("trusts no proxy when unset, empty, false or 0", () => {
    for (const value of [undefined, "", " ", "false", "0"]) expect(parseTrustProxy(value)).toBe(false);
  });

  it("reads a list of proxy addresses, networks and proxy-addr's names", () => {
    expect(parseTrustProxy("10.0.0.1, 192.168.0.0/16,fd00::/8 ,::1,loopback")).toEqual([
      "10.0.0.1",
      "192.168.0.0/16",
      "fd00::/8",
      "::1",
      "loopback",
    ]);
  });

  it("refuses true, which would let every client choose its own address, and says what to write", () => {
    for (const value of ["true", "TRUE", "yes"])
      expect(() => parseTrustProxy(value)).toThrow(/AIMS_TRUST_PROXY=.*every.*AIMS_TRUST_PROXY=10\.0\.0\.1.*loopback/);
  });

  it("refuses hop counts, which a client connecting directly can satisfy with its own entries", () => {
    for (const value of ["1", "2", "1000"])
      expect(() => parseTrustProxy(value)).toThrow(/AIMS_TRUST_PROXY=\d+: a hop count.*AIMS_TRUST_PROXY=10\.0\.0\.1/);
  });

  it("refuses networks that cover every address", () => {
    expect(() => parseTrustProxy("0.0.0.0/0")).toThrow(/AIMS_TRUST_PROXY: '0\.0\.0\.0\/0' covers every address/);
    expect(() => parseTrustProxy("10.0.0.1,::/0")).toThrow(/AIMS_TRUST_PROXY: '::\/0'/);
  });

  it("names the setting and the entry for malformed values", () => {
    for (const value of [
      "-1",
      "1.5",
      "10.0.0.256",
      "10.0.0.1/33",
      "fd00::/129",
      "10.0.0.1/",
      "proxy.internal",
      "10.0.0.1,,10.0.0.2",
      "1,10.0.0.1",
    ])
      expect(() => parseTrustProxy(value), value).toThrow(/AIMS_TRUST_PROXY/);
    expect(() => parseTrustProxy("10.0.0.1,proxy.internal")).toThrow(/'proxy\.internal'/);
  });

  it("is what the server configuration reads from the environment", () => {
    expect(configFromEnv({}).trustProxy).toBe(false);
    expect(configFromEnv({ AIMS_TRUST_PROXY: "10.0.0.1,10.1.0.0/16" }).trustProxy).toEqual(["10.0.0.1", "10.1.0.0/16"]);
    expect(() => configFromEnv({ AIMS_TRUST_PROXY: "true" })).toThrow(/AIMS_TRUST_PROXY/);
    expect(() => configFromEnv({ AIMS_TRUST_PROXY: "1" })).toThrow(/AIMS_TRUST_PROXY/);
  });
});
