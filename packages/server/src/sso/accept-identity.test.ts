import { describe, expect, it } from "vitest";
import { AppError } from "../http/app-error.js";
import { acceptIdentity } from "./accept-identity.js";

const DOMAINS = ["acme.test"];
const base = { subject: "s-1", email: "Ann@Acme.test", emailVerified: true, name: "  Ann Example " };

function refusalOf(identity: Parameters<typeof acceptIdentity>[0]): string {
  try {
    acceptIdentity(identity, DOMAINS);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).message;
  }
  throw new Error("the identity was accepted");
}

describe("acceptIdentity", () => {
  it("accepts a verified address in an allowed domain, normalised, with the trimmed name", () => {
    expect(acceptIdentity(base, DOMAINS)).toEqual({ email: "ann@acme.test", name: "Ann Example" });
  });

  it("takes the string 'true' some providers send as verified", () => {
    expect(acceptIdentity({ ...base, emailVerified: "true" }, DOMAINS).email).toBe("ann@acme.test");
  });

  it("refuses an unverified or unstated verification", () => {
    for (const emailVerified of [false, "false", undefined, 1]) {
      expect(refusalOf({ ...base, emailVerified })).toMatch(/has not verified ann@acme\.test/);
    }
  });

  it("refuses a missing or malformed e-mail", () => {
    for (const email of [undefined, 42, "not-an-address", `${"a".repeat(250)}@acme.test`]) {
      expect(refusalOf({ ...base, email })).toMatch(/did not share an e-mail address/);
    }
  });

  it("refuses a domain the organisation does not admit, including look-alike subdomains", () => {
    expect(refusalOf({ ...base, email: "ann@evil.test" })).toMatch(/does not admit evil\.test/);
    expect(refusalOf({ ...base, email: "ann@mail.acme.test" })).toMatch(/does not admit mail\.acme\.test/);
  });

  it("falls back to the e-mail as the name, bounded to 200 characters", () => {
    expect(acceptIdentity({ ...base, name: "   " }, DOMAINS).name).toBe("ann@acme.test");
    expect(acceptIdentity({ ...base, name: null }, DOMAINS).name).toBe("ann@acme.test");
    expect(acceptIdentity({ ...base, name: "x".repeat(500) }, DOMAINS).name).toHaveLength(200);
  });
});
