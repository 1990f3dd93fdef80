import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { type LicencePolicy, licencePolicySchema } from "@openaims/contracts";
import { parse as parseYaml } from "yaml";
import { usageError } from "../cli-error.js";

/**
 * The licence policy of `aims model scan --licence-policy FILE`: JSON or YAML with the fields of the
 * server's policy (allowed, review, forbidden, forbiddenFlags, reviewFlags, otherwise); fields left
 * out are empty lists and `otherwise: review`. A GET of /licence-policy saved as a file works too.
 */
export async function readLicencePolicyFile(file: string, cwd: string): Promise<LicencePolicy> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), "utf8");
  } catch {
    throw usageError(`--licence-policy: cannot read ${file}.`);
  }
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 100 });
  } catch {
    throw usageError(`--licence-policy: ${file} is neither JSON nor YAML.`);
  }
  // A saved answer of GET /licence-policy has the policy under `policy`.
  const body =
    typeof data === "object" && data !== null && "policy" in data ? (data as { policy: unknown }).policy : data;
  const withDefaults = {
    allowed: [],
    review: [],
    forbidden: [],
    forbiddenFlags: [],
    reviewFlags: [],
    otherwise: "review",
    ...(typeof body === "object" && body !== null ? body : {}),
  };
  const parsed = licencePolicySchema.safeParse(withDefaults);
  if (!parsed.success) {
    const lines = parsed.error.issues
      .slice(0, 20)
      .map((issue) => `  ${issue.path.join(".") || "(top)"}: ${issue.message}`);
    throw usageError(`--licence-policy: ${file} is not a licence policy:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
