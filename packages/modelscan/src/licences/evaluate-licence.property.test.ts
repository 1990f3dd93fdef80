import type { LicencePolicy, LicenceVerdict } from "@openaims/contracts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateLicence, evaluateLicenceId } from "./evaluate-licence.js";

const policy: LicencePolicy = {
  allowed: ["MIT", "Apache-2.0"],
  review: ["GPL-*"],
  forbidden: ["AGPL-3.0-only"],
  forbiddenFlags: ["non_commercial"],
  reviewFlags: ["user_count_limit"],
  otherwise: "review",
};
const ids = [
  "MIT",
  "Apache-2.0",
  "GPL-3.0-only",
  "AGPL-3.0-only",
  "CC-BY-NC-4.0",
  "LicenseRef-Llama-3.1-Community",
  "ISC",
];
const rank: Record<LicenceVerdict, number> = { allowed: 0, review: 1, forbidden: 2 };

type Tree = { id: string } | { op: "OR" | "AND"; left: Tree; right: Tree };
const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ id: fc.constantFrom(...ids) }),
    fc.record({ op: fc.constantFrom("OR" as const, "AND" as const), left: tie("node"), right: tie("node") }),
  ),
})).node;

const text = (node: Tree): string => ("id" in node ? node.id : `(${text(node.left)} ${node.op} ${text(node.right)})`);
const expected = (node: Tree): number => {
  if ("id" in node) return rank[evaluateLicenceId(node.id, null, policy).verdict];
  const [left, right] = [expected(node.left), expected(node.right)];
  return node.op === "OR" ? Math.min(left, right) : Math.max(left, right);
};

describe("evaluateLicence over any expression", () => {
  it("takes the best branch of OR and the worst of AND, and lists every licence once per use", () => {
    fc.assert(
      fc.property(tree, (node) => {
        const result = evaluateLicence(text(node), policy);
        expect(rank[result.verdict]).toBe(expected(node));
        expect(result.reasons.length).toBeGreaterThan(0);
        const count = (n: Tree): number => ("id" in n ? 1 : count(n.left) + count(n.right));
        expect(result.terms).toHaveLength(count(node));
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (value) => {
        const result = evaluateLicence(value, policy);
        expect(["allowed", "review", "forbidden"]).toContain(result.verdict);
      }),
      { numRuns: 300 },
    );
  });
});
