import { sarifValidator } from "../../../redteam/src/reports/testing/sarif-validator.js";

/** Errors of the official SARIF 2.1.0 schema for a document (empty when valid), as the red-team SARIF is checked. */
export async function validateSarif(sarif: unknown): Promise<string[]> {
  const validate = await sarifValidator();
  if (validate(sarif)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`);
}
