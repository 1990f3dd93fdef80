/** Fixtures other packages' tests and the benchmark share; not part of core's runtime surface. */
export { examplePolicyYaml } from "./agents/policy-test-fixtures.js";
