import { defaultLicencePolicy, type LicencePolicy } from "@openaims/contracts";
import spdxIds from "spdx-license-ids/index.json" with { type: "json" };
import { describe, expect, it } from "vitest";
import { evaluateLicence, patternMatches } from "./evaluate-licence.js";
import { flagsOfLicence, modelLicences } from "./known-licences.js";

const policy: LicencePolicy = {
  allowed: ["MIT", "Apache-2.0"],
  review: ["GPL-*"],
  forbidden: ["AGPL-3.0-only"],
  forbiddenFlags: ["non_commercial"],
  reviewFlags: ["user_count_limit", "unknown"],
  otherwise: "review",
};

describe("evaluateLicence", () => {
  it("allows a listed licence and forbids a listed one, naming the policy entry", () => {
    expect(evaluateLicence("MIT", policy)).toMatchObject({ verdict: "allowed" });
    const agpl = evaluateLicence("AGPL-3.0-only", policy);
    expect(agpl.verdict).toBe("forbidden");
    expect(agpl.reasons[0]).toContain("forbidden by the policy (AGPL-3.0-only)");
  });

  it("forbids a licence by its flags: CC BY-NC is non-commercial", () => {
    const result = evaluateLicence("CC-BY-NC-4.0", policy);
    expect(result.verdict).toBe("forbidden");
    expect(result.terms[0]?.flags).toContain("non_commercial");
    expect(result.reasons[0]).toContain("forbids commercial use");
  });

  it("passes an OR expression when one branch passes, and an AND only when all do", () => {
    expect(evaluateLicence("CC-BY-NC-4.0 OR MIT", policy).verdict).toBe("allowed");
    expect(evaluateLicence("MIT OR CC-BY-NC-4.0", policy).verdict).toBe("allowed");
    expect(evaluateLicence("MIT AND CC-BY-NC-4.0", policy).verdict).toBe("forbidden");
    expect(evaluateLicence("MIT AND GPL-2.0-only", policy).verdict).toBe("review");
    const nested = evaluateLicence("(MIT AND LicenseRef-Llama-3.1-Community) OR Apache-2.0", policy);
    expect(nested.verdict).toBe("allowed");
    expect(nested.terms.map((term) => term.id)).toEqual(["MIT", "LicenseRef-Llama-3.1-Community", "Apache-2.0"]);
  });

  it("keeps a WITH exception on the term and in the reason", () => {
    const result = evaluateLicence("Apache-2.0 WITH LLVM-exception", policy);
    expect(result.verdict).toBe("allowed");
    expect(result.terms[0]?.exception).toBe("LLVM-exception");
    expect(result.reasons[0]).toContain("LLVM-exception");
  });

  it("sends a Llama licence for review by its user-count limit", () => {
    const result = evaluateLicence("LicenseRef-Llama-3.1-Community", policy);
    expect(result.verdict).toBe("review");
    expect(result.reasons[0]).toContain("limits the number of users");
    expect(result.terms[0]?.name).toBe("Llama 3.1 Community License");
  });

  it("treats a missing, unreadable or unknown licence as unknown", () => {
    expect(evaluateLicence(null, policy)).toMatchObject({ verdict: "review", reasons: ["No licence is recorded."] });
    expect(evaluateLicence("apache 2", policy).reasons[0]).toContain("not an SPDX licence expression");
    const unknown = evaluateLicence("LicenseRef-Acme-Internal", policy);
    expect(unknown.terms[0]?.flags).toEqual(["unknown"]);
    expect(evaluateLicence(null, { ...policy, forbiddenFlags: ["unknown"] }).verdict).toBe("forbidden");
    expect(evaluateLicence("ISC", { ...policy, reviewFlags: [], otherwise: "allowed" }).verdict).toBe("allowed");
  });

  it("matches ids without regard to case, prefixes ending in * and the + of 'or later'", () => {
    expect(patternMatches("GPL-*", "gpl-3.0-only")).toBe(true);
    expect(patternMatches("GPL-2.0", "GPL-2.0+")).toBe(true);
    expect(patternMatches("MIT", "MIT-0")).toBe(false);
  });

  it("under the default policy: permissive passes, Llama and Gemma need review, non-commercial is forbidden", () => {
    expect(evaluateLicence("Apache-2.0", defaultLicencePolicy).verdict).toBe("allowed");
    expect(evaluateLicence("LicenseRef-Llama-3.3-Community", defaultLicencePolicy).verdict).toBe("review");
    expect(evaluateLicence("LicenseRef-Gemma-Terms-of-Use", defaultLicencePolicy).verdict).toBe("review");
    expect(evaluateLicence("CC-BY-NC-SA-4.0", defaultLicencePolicy).verdict).toBe("forbidden");
    expect(evaluateLicence("LicenseRef-DeepFloyd-IF", defaultLicencePolicy).verdict).toBe("forbidden");
  });
});

describe("the model licence table", () => {
  it("uses LicenseRef only for licences the SPDX list lacks", () => {
    const lower = new Set((spdxIds as string[]).map((id) => id.toLowerCase()));
    for (const licence of modelLicences) {
      expect(licence.id.startsWith("LicenseRef-"), licence.id).toBe(true);
      const bare = licence.id.slice("LicenseRef-".length).toLowerCase();
      expect(lower.has(bare), `${licence.id} is in SPDX`).toBe(false);
      expect(licence.flags.length, licence.id).toBeGreaterThan(0);
    }
  });

  it("names only ids SPDX has in the default policy (patterns aside)", () => {
    const known = new Set(spdxIds as string[]);
    const ids = [...defaultLicencePolicy.allowed, ...defaultLicencePolicy.review, ...defaultLicencePolicy.forbidden];
    expect(ids.filter((id) => !id.endsWith("*") && !known.has(id))).toEqual([]);
  });

  it("derives Creative Commons and GPL flags from the id", () => {
    expect(flagsOfLicence("CC-BY-NC-ND-4.0").sort()).toEqual(["attribution", "no_derivatives", "non_commercial"]);
    expect(flagsOfLicence("CC-BY-SA-4.0").sort()).toEqual(["attribution", "share_alike"]);
    expect(flagsOfLicence("GPL-3.0-or-later")).toEqual(["share_alike"]);
    expect(flagsOfLicence("MIT")).toEqual([]);
    expect(flagsOfLicence("Not-A-Licence")).toEqual(["unknown"]);
  });
});
