import type { PolicyError } from "./policy-error.js";
import { policyPath } from "./policy-error.js";

/** The parts of a zod issue this module reads. */
interface IssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  errors?: IssueLike[][];
  keys?: string[];
  /** For invalid_key and invalid_element: what is wrong with the key or element itself. */
  issues?: IssueLike[];
}

/**
 * Turns zod's issues into dotted paths a policy author can find. For a union (a short form or a
 * full rule object) the branch that matches the kind of value written is the one reported.
 */
export function zodIssuesToPolicyErrors(issues: readonly IssueLike[], input: unknown): PolicyError[] {
  const out: PolicyError[] = [];
  for (const issue of issues) collect(issue, [], input, out);
  return out;
}

function collect(issue: IssueLike, prefix: PropertyKey[], input: unknown, out: PolicyError[]): void {
  const path = [...prefix, ...issue.path];
  if (issue.code === "invalid_union" && issue.errors && issue.errors.length > 0) {
    const branch = pickBranch(issue.errors);
    if (branch) {
      for (const inner of branch) collect(inner, path, input, out);
      return;
    }
  }
  if (issue.code === "unrecognized_keys" && issue.keys) {
    for (const key of issue.keys) out.push({ path: policyPath([...path, key]), message: "is not a known key" });
    return;
  }
  if (issue.code === "invalid_key" && issue.issues?.[0]) {
    out.push({ path: policyPath(path), message: `is not a usable name: ${issue.issues[0].message}` });
    return;
  }
  out.push({ path: policyPath(path), message: issue.message });
}

/** The first branch that got past the value's type, else the first branch. */
function pickBranch(branches: IssueLike[][]): IssueLike[] | undefined {
  const typed = branches.find(
    (branch) =>
      !branch.some(
        (issue) => issue.path.length === 0 && (issue.code === "invalid_type" || issue.code === "invalid_value"),
      ),
  );
  return typed ?? branches[0];
}
