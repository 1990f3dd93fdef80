import type { LicenceFlag, LicencePolicy, LicenceTerm, LicenceVerdict } from "@openaims/contracts";
import parseSpdx from "spdx-expression-parse";
import { findModelLicence, flagsOfLicence } from "./known-licences.js";

/** What a policy says of a whole licence expression, with the reasons and each licence in it. */
export interface LicenceEvaluation {
  verdict: LicenceVerdict;
  reasons: string[];
  terms: LicenceTerm[];
}

const RANK: Record<LicenceVerdict, number> = { allowed: 0, review: 1, forbidden: 2 };

const FLAG_WORDS: Record<LicenceFlag, string> = {
  non_commercial: "forbids commercial use",
  research_only: "allows research use only",
  user_count_limit: "limits the number of users",
  use_restrictions: "restricts how the model may be used",
  acceptable_use_policy: "binds use to an acceptable use policy",
  no_derivatives: "forbids derived works",
  share_alike: "requires derived works to be shared under the same terms",
  attribution: "requires attribution",
  unknown: "is not known to the licence table",
};

/** True when a policy entry (an id, or a prefix ending in `*`) names this id; case does not matter in SPDX ids. */
export function patternMatches(pattern: string, id: string): boolean {
  const p = pattern.toLowerCase();
  const value = id.toLowerCase();
  if (p.endsWith("*")) return value.startsWith(p.slice(0, -1));
  return p === value || (value.endsWith("+") && p === value.slice(0, -1));
}

function listed(patterns: readonly string[], id: string): string | undefined {
  return patterns.find((pattern) => patternMatches(pattern, id));
}

function flagReason(id: string, flags: LicenceFlag[], wording: string): string {
  return `${id} ${flags.map((flag) => FLAG_WORDS[flag]).join(" and ")}, which the policy ${wording}.`;
}

/** What the policy says of one licence id: forbidden list, forbidden flags, allowed list, review list or flags, otherwise. */
export function evaluateLicenceId(id: string, exception: string | null, policy: LicencePolicy): LicenceTerm {
  const flags = flagsOfLicence(id);
  const name = findModelLicence(id)?.name ?? null;
  const term = (verdict: LicenceVerdict, reason: string): LicenceTerm => ({
    id,
    exception,
    name,
    flags,
    verdict,
    reason,
  });
  const forbiddenBy = listed(policy.forbidden, id);
  if (forbiddenBy) return term("forbidden", `${id} is forbidden by the policy (${forbiddenBy}).`);
  const forbiddenFlags = flags.filter((flag) => policy.forbiddenFlags.includes(flag));
  if (forbiddenFlags.length > 0) return term("forbidden", flagReason(id, forbiddenFlags, "forbids"));
  const allowedBy = listed(policy.allowed, id);
  if (allowedBy) return term("allowed", `${id} is allowed by the policy (${allowedBy}).`);
  const reviewBy = listed(policy.review, id);
  if (reviewBy) return term("review", `${id} needs review under the policy (${reviewBy}).`);
  const reviewFlags = flags.filter((flag) => policy.reviewFlags.includes(flag));
  if (reviewFlags.length > 0) return term("review", flagReason(id, reviewFlags, "sends for review"));
  return term(policy.otherwise, `${id} is not named by the policy, which treats such licences as ${policy.otherwise}.`);
}

type Node = parseSpdx.Info;

interface Judgement {
  verdict: LicenceVerdict;
  reasons: string[];
}

function walk(node: Node, policy: LicencePolicy, terms: LicenceTerm[], depth: number): Judgement {
  if (depth > 200) return { verdict: "review", reasons: ["The licence expression is nested too deeply to judge."] };
  if ("license" in node) {
    const id = node.plus ? `${node.license}+` : node.license;
    const term = evaluateLicenceId(id, node.exception ?? null, policy);
    terms.push(term);
    const withException = term.exception ? ` (with the ${term.exception} exception)` : "";
    return { verdict: term.verdict, reasons: [withException ? `${term.reason}${withException}` : term.reason] };
  }
  const left = walk(node.left, policy, terms, depth + 1);
  const right = walk(node.right, policy, terms, depth + 1);
  // OR: the user may pick either licence, so the better one decides; AND: every licence applies.
  const pickBest = node.conjunction === "or";
  if (RANK[left.verdict] === RANK[right.verdict]) {
    return { verdict: left.verdict, reasons: pickBest ? left.reasons : [...left.reasons, ...right.reasons] };
  }
  const leftWins = pickBest ? RANK[left.verdict] < RANK[right.verdict] : RANK[left.verdict] > RANK[right.verdict];
  return leftWins ? left : right;
}

/** The verdict for a licence that is missing or cannot be read: the policy's treatment of unknown licences. */
function unknownVerdict(policy: LicencePolicy): LicenceVerdict {
  if (policy.forbiddenFlags.includes("unknown")) return "forbidden";
  if (policy.reviewFlags.includes("unknown")) return "review";
  return policy.otherwise;
}

/**
 * Judge a licence expression against a policy. An OR expression passes when one branch passes, an
 * AND needs all of them; a missing or unreadable expression is an unknown licence.
 */
export function evaluateLicence(expression: string | null, policy: LicencePolicy): LicenceEvaluation {
  const text = expression?.trim() ?? "";
  if (text === "") {
    return { verdict: unknownVerdict(policy), reasons: ["No licence is recorded."], terms: [] };
  }
  let tree: Node;
  try {
    tree = parseSpdx(text);
  } catch {
    return {
      verdict: unknownVerdict(policy),
      reasons: [`"${text}" is not an SPDX licence expression, so its licence is unknown.`],
      terms: [],
    };
  }
  const terms: LicenceTerm[] = [];
  const result = walk(tree, policy, terms, 0);
  return { verdict: result.verdict, reasons: [...new Set(result.reasons)], terms };
}
