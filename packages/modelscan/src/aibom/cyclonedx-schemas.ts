import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

type JsonSchema = Record<string, unknown>;

const SCHEMA_BASE = "http://cyclonedx.org/schema/";

/** The CycloneDX library's own copies of the published schemas, read from its package once. */
function readSchema(file: string): JsonSchema {
  const root = dirname(createRequire(import.meta.url).resolve("@cyclonedx/cyclonedx-library/package.json"));
  return JSON.parse(readFileSync(join(root, "res", "schema", file), "utf8")) as JsonSchema;
}

let validator: ValidateFunction | undefined;
let licenceIds: ReadonlySet<string> | undefined;

/**
 * The CycloneDX 1.6 JSON schema compiled with the SPDX and JSF schemas it references, and the
 * format checks the library's own validator uses: ajv-formats, a lenient `iri-reference` and an
 * `idn-email` that only asks for one @ between non-blank parts (the library uses a draft-2019 plugin
 * for it). Remote schemas are never fetched.
 */
export function cycloneDxValidator(): ValidateFunction {
  if (validator) return validator;
  const ajv = new Ajv({
    strict: false,
    strictSchema: false,
    allErrors: true,
    useDefaults: false,
    addUsedSchema: false,
    loadSchema: (uri) => {
      throw new Error(`Remote schemas are disabled: ${uri}`);
    },
  });
  addFormats.default(ajv);
  ajv.addFormat("iri-reference", true);
  ajv.addFormat("idn-email", /^[^\s@]+@[^\s@]+$/u);
  ajv.addSchema(readSchema("spdx.SNAPSHOT.schema.json"), `${SCHEMA_BASE}spdx.SNAPSHOT.schema.json`);
  ajv.addSchema(readSchema("jsf-0.82.SNAPSHOT.schema.json"), `${SCHEMA_BASE}jsf-0.82.SNAPSHOT.schema.json`);
  validator = ajv.compile(readSchema("bom-1.6.SNAPSHOT.schema.json"));
  return validator;
}

/** The SPDX ids CycloneDX accepts as `license.id` (its own copy of the SPDX list). */
export function cycloneDxLicenceIds(): ReadonlySet<string> {
  licenceIds ??= new Set((readSchema("spdx.SNAPSHOT.schema.json").enum as string[]) ?? []);
  return licenceIds;
}
