/** A mistake in a policy, named by its path (e.g. `tools.issue_refund.arguments.amount`, `flows[0].deny[1]`). */
export interface PolicyError {
  path: string;
  message: string;
}

/** Joins path segments the way a reader writes them: keys with dots, indexes in brackets. */
export function policyPath(segments: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? String(segment) : `.${String(segment)}`;
  }
  return out;
}
