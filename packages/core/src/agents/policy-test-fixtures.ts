import { compilePolicy } from "./compile-policy.js";
import type { CompiledPolicy } from "./compiled-policy.js";
import { parsePolicySource } from "./parse-policy-source.js";

/** The policy of the example gateway configuration, exactly as written there. */
export const examplePolicyYaml = `default: deny
tools:
  lookup_order: allow
  issue_refund: { approval: { role: approver }, arguments: { amount: { maximum: 100 } } }
  send_email: allow
  delete_customer: deny
flows:
  - after: [fetch_url]
    require_approval: [send_email]
`;

/** Compiles policy text, failing loudly; for tests and the benchmark. */
export function compileSource(text: string): CompiledPolicy {
  const parsed = parsePolicySource(text);
  if (!parsed.ok) throw new Error(`policy does not parse: ${JSON.stringify(parsed.errors)}`);
  const compiled = compilePolicy(parsed.document);
  if (!compiled.ok) throw new Error(`policy does not compile: ${JSON.stringify(compiled.errors)}`);
  return compiled.policy;
}
