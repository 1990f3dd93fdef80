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

/** A policy using every kind of rule: argument schemas, a whole-arguments schema, rate, budget, classes, flows, resources, prompts. */
export const fullPolicy = compileSource(`
default: approval
tools:
  send_wire:
    class: financial
    arguments: { amount: { type: number, minimum: 0 }, iban: { pattern: "^DE" } }
    rate: { per_minute: 2, per_hour: 3 }
    budget: { argument: amount, per_day: 1000, currency: EUR }
  send_email:
    class: external_communication
    arguments: { to: { pattern: "@example\\\\.com$" } }
    schema: { additionalProperties: false, properties: { to: { type: string }, body: { type: string } } }
  browse: { class: read, untrusted: true }
  wipe: { approval: { role: admin, count: 2 } }
classes:
  code_execution: deny
  data_export: { approval: { role: compliance_manager } }
flows:
  - after_untrusted: true
    deny: [class:code_execution]
    require_approval: [class:external_communication]
    reason: untrusted content was read earlier
  - after: [class:financial]
    deny: [wipe]
resources:
  "file:///public/*": allow
  "file:///public/secret/*": deny
  "file:///public/readme": approval
prompts:
  summary: allow
`);

/** Inventory classes of tools the full policy does not list. */
export const fixtureToolClasses = {
  run_code: "code_execution",
  dump_db: "data_export",
  shell: "code_execution",
} as const;
