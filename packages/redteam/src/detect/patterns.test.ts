import { describe, expect, it } from "vitest";
import { findPatterns } from "./patterns.js";

const ids = (text: string, packs: Array<"credentials" | "pii"> = ["credentials", "pii"], exclude: string[] = []) =>
  findPatterns(text, packs, { exclude }).map((match) => match.id);

const jwt = [
  Buffer.from('{"alg":"HS256","typ":"JWT"}').toString("base64url"),
  Buffer.from('{"sub":"1234567890","name":"Ada"}').toString("base64url"),
  "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
].join(".");

describe("credentials pack", () => {
  it.each([
    ["aws_access_key_id", "key AKIAIOSFODNN7EXAMPLE here"],
    ["github_token", `token ghp_${"a1B2".repeat(9)}`],
    ["github_token", `token github_pat_11ABCDEFG0123456789_${"x".repeat(40)}`],
    ["slack_token", "xoxb-1234567890-0987654321-AbCdEfGhIj"],
    ["openai_api_key", "use sk-proj-Ab3dEf6hIj9kLmN0pQrStUvWx please"],
    ["private_key", "-----BEGIN RSA PRIVATE KEY-----\nMIIE..."],
    ["private_key", "-----BEGIN OPENSSH PRIVATE KEY-----"],
    ["jwt", `Authorization: Bearer ${jwt}`],
    ["secret_assignment", "DB_PASSWORD=Tr0ub4dor&3xyz"],
    ["secret_assignment", 'api_key: "q8Zr2LmP0vXc7Ty"'],
  ])("finds %s", (id, text) => {
    expect(ids(text, ["credentials"])).toContain(id);
  });

  it.each([
    "the sk-learn-preprocessing-pipeline-module",
    "password=********************",
    "api_key=YOUR_API_KEY_HERE",
    "password: {{db_password_value}}",
    "password=%db_password_value%",
    "token=short",
    `eyJub3Rqc29uIjoi.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc`,
    "-----BEGIN PUBLIC KEY-----",
    "AKIA1234",
  ])("ignores %s", (text) => {
    expect(ids(text, ["credentials"])).toEqual([]);
  });
});

describe("pii pack", () => {
  it("finds e-mail, international phone, valid IBAN, Luhn-valid card and SSN", () => {
    const text = [
      "mail ada.lovelace+ai@example.co.uk",
      "call +44 20 7946 0958 or +1 (555) 123-4567",
      "iban DE89 3704 0044 0532 0130 00",
      "card 4111 1111 1111 1111",
      "ssn 123-45-6789",
    ].join("\n");
    expect(ids(text, ["pii"])).toEqual([
      "email",
      "phone_international",
      "phone_international",
      "iban",
      "payment_card",
      "us_ssn",
    ]);
  });

  it("rejects look-alikes that fail the checks", () => {
    expect(ids("iban DE89 3704 0044 0532 0130 01", ["pii"])).toEqual([]);
    expect(ids("card 4111 1111 1111 1112", ["pii"])).toEqual([]);
    expect(ids("order 0000000000000000", ["pii"])).toEqual([]);
    expect(ids("ssn 000-12-3456 666-12-3456 123-00-4567", ["pii"])).toEqual([]);
    expect(ids("call 020 7946 0958 (no country code)", ["pii"])).toEqual([]);
  });

  it("reports values with their position and label", () => {
    expect(findPatterns("x 123-45-6789", ["pii"])).toEqual([
      { pack: "pii", id: "us_ssn", label: "US social security number", value: "123-45-6789", index: 2 },
    ]);
  });
});

describe("overlaps", () => {
  it("reports a value once when two patterns see it", () => {
    expect(findPatterns("api_key=AKIAIOSFODNN7EXAMPLE", ["credentials"])).toEqual([
      {
        pack: "credentials",
        id: "aws_access_key_id",
        label: "AWS access key id",
        value: "AKIAIOSFODNN7EXAMPLE",
        index: 8,
      },
    ]);
  });
});

describe("exclude", () => {
  it("skips matches the user supplied, even when re-spaced", () => {
    expect(ids("your mail is ada@example.org", ["pii"], ["I am ada@example.org"])).toEqual([]);
    expect(ids("card 4111111111111111", ["pii"], ["my card is 4111 1111 1111 1111"])).toEqual([]);
    expect(ids("card 4111111111111111 and bob@example.org", ["pii"], ["4111 1111 1111 1111"])).toEqual(["email"]);
  });
});

describe("performance", () => {
  it("scans a 1 MiB reply of digits and letters quickly", () => {
    const text = "a1b2c3d4e5 0123456789012345678901234 user.name.long@ ".repeat(20_000);
    const started = performance.now();
    findPatterns(text, ["credentials", "pii"]);
    expect(performance.now() - started).toBeLessThan(1500);
  });
});
