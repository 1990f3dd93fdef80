import { describe, expect, it } from "vitest";
import { deliveryIdFor } from "./webhook-ids.js";
import { isPrivateAddress } from "./webhook-target.js";

describe("webhook targets", () => {
  it("counts loopback, private, link-local, CGNAT, unique-local and mapped addresses as private", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.0.10",
      "169.254.169.254",
      "100.64.0.1",
      "100.127.255.254",
      "0.0.0.0",
      "224.0.0.1",
      "::1",
      "::",
      "fd12:3456::1",
      "fe80::1",
      "::ffff:127.0.0.1",
      "::ffff:a00:1",
      "64:ff9b::a9fe:a9fe",
      "not an address",
    ])
      expect(isPrivateAddress(address), address).toBe(true);
  });

  it("lets public addresses through", () => {
    for (const address of [
      "93.184.215.14",
      "8.8.8.8",
      "172.32.0.1",
      "100.128.0.1",
      "2606:4700:4700::1111",
      "::ffff:8.8.8.8",
    ])
      expect(isPrivateAddress(address), address).toBe(false);
  });

  it("derives one delivery id per event and webhook, shaped as a UUID", () => {
    const id = deliveryIdFor("e1", "w1");
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deliveryIdFor("e1", "w1")).toBe(id);
    expect(deliveryIdFor("e1", "w2")).not.toBe(id);
  });
});
