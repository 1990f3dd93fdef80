import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";

export const OFFICIAL_SARIF_SCHEMA_ID =
  "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json";

/** The official SARIF 2.1.0 schema (draft-07, as shipped by the schemastore package), compiled once. */
async function compileSarifValidator() {
  const file = createRequire(import.meta.url).resolve("schemastore/schemas/json/sarif-2.1.0.json");
  const schema = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown>;
  if (schema.$id !== OFFICIAL_SARIF_SCHEMA_ID || schema.$schema !== "http://json-schema.org/draft-07/schema#")
    throw new Error(`unexpected SARIF schema ${String(schema.$id)}`);
  // The published schema's language pattern has a stray "]" that only compiles without the u flag.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

let validatorPromise: ReturnType<typeof compileSarifValidator> | undefined;
export const sarifValidator = () => {
  validatorPromise ??= compileSarifValidator();
  return validatorPromise;
};
