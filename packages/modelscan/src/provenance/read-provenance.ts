/**
 * SLSA and in-toto provenance attached to a model: a `*.intoto.jsonl` (one DSSE envelope, bundle
 * or statement a line, as the SLSA generators write), a `*.provenance.json`, or a DSSE envelope or
 * Sigstore bundle next to the model. Parsed into the builder, the build type, the source and the
 * materials (SLSA v0.1/v0.2 `materials`, SLSA v1 `resolvedDependencies`) with their digests. The
 * envelope's signature is checked when a public key is given; otherwise the provenance is shown as
 * unverified.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { type ModelProvenance, modelProvenanceSchema } from "@openaims/contracts";
import { pae } from "../signing/format.js";
import { loadPublicKey, verifyBytes } from "../signing/keys.js";

export const SLSA_PROVENANCE_V01 = "https://slsa.dev/provenance/v0.1";
export const SLSA_PROVENANCE_V02 = "https://slsa.dev/provenance/v0.2";
export const SLSA_PROVENANCE_V1 = "https://slsa.dev/provenance/v1";

/** Provenance files are small; anything larger is reported, not read. */
export const MAX_PROVENANCE_BYTES = 16 * 1024 * 1024;

export type ProvenanceSignature = "verified" | "failed" | "unverified";

export interface FoundProvenance {
  /** The file it was read from (and the line, for JSON Lines: `file:3`). */
  file: string;
  provenance: ModelProvenance;
  /** The statement's subjects: what the provenance says was built. */
  subjects: Array<{ name: string; digest: Record<string, string> }>;
  signature: ProvenanceSignature;
  /** Why the signature is unverified or failed. */
  reason: string | null;
}

export interface ProvenanceProblem {
  file: string;
  error: string;
}

export interface ReadProvenanceResult {
  found: FoundProvenance[];
  /** Files that looked like provenance but could not be read. */
  problems: ProvenanceProblem[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const str = (value: unknown): string | null => (typeof value === "string" && value.length > 0 ? value : null);
const clip = (value: string | null, max: number) => (value === null ? null : value.slice(0, max));

function digestOf(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  const out: Record<string, string> = {};
  for (const [algorithm, digest] of Object.entries(value))
    if (typeof digest === "string") out[algorithm.slice(0, 50)] = digest.slice(0, 200);
  return out;
}

function materialsOf(list: unknown): ModelProvenance["materials"] {
  if (!Array.isArray(list)) return [];
  return list
    .filter(isRecord)
    .slice(0, 10_000)
    .map((m) => ({ uri: (str(m.uri) ?? str(m.name) ?? "").slice(0, 4000), digest: digestOf(m.digest) }))
    .filter((m) => m.uri.length > 0 || Object.keys(m.digest).length > 0);
}

/** The builder, build type, source and materials a statement's predicate names. */
export function provenanceFromStatement(statement: Record<string, unknown>): ModelProvenance {
  const predicateType = str(statement.predicateType) ?? "unknown";
  const p = isRecord(statement.predicate) ? statement.predicate : {};
  let builder: string | null = null;
  let buildType: string | null = null;
  let source: string | null = null;
  let materials: ModelProvenance["materials"] = [];
  if (predicateType === SLSA_PROVENANCE_V1) {
    const run = isRecord(p.runDetails) ? p.runDetails : {};
    const definition = isRecord(p.buildDefinition) ? p.buildDefinition : {};
    builder = isRecord(run.builder) ? str(run.builder.id) : null;
    buildType = str(definition.buildType);
    materials = materialsOf(definition.resolvedDependencies);
    const external = isRecord(definition.externalParameters) ? definition.externalParameters : {};
    const workflow = isRecord(external.workflow) ? external.workflow : null;
    if (workflow && str(workflow.repository))
      source = `${str(workflow.repository)}${str(workflow.ref) ? `@${str(workflow.ref)}` : ""}${str(workflow.path) ? ` (${str(workflow.path)})` : ""}`;
    else if (str(external.source)) source = str(external.source);
    else if (isRecord(external.source)) source = str(external.source.uri);
    else source = materials.find((m) => m.uri.startsWith("git+"))?.uri ?? null;
  } else if (predicateType === SLSA_PROVENANCE_V02 || predicateType === SLSA_PROVENANCE_V01) {
    builder = isRecord(p.builder) ? str(p.builder.id) : null;
    buildType = str(p.buildType) ?? (isRecord(p.recipe) ? str(p.recipe.type) : null);
    materials = materialsOf(p.materials);
    const invocation = isRecord(p.invocation) ? p.invocation : {};
    const config = isRecord(invocation.configSource) ? invocation.configSource : null;
    if (config && str(config.uri))
      source = `${str(config.uri)}${str(config.entryPoint) ? ` (${str(config.entryPoint)})` : ""}`;
    else if (isRecord(p.recipe) && typeof p.recipe.definedInMaterial === "number")
      source = materials[p.recipe.definedInMaterial]?.uri ?? null;
    else source = materials.find((m) => m.uri.startsWith("git+"))?.uri ?? null;
  } else {
    // Another in-toto predicate: whatever builder and materials it names in the usual places.
    builder = isRecord(p.builder) ? str(p.builder.id) : null;
    buildType = str(p.buildType);
    materials = materialsOf(p.materials ?? p.resolvedDependencies);
  }
  return modelProvenanceSchema.parse({
    predicateType: predicateType.slice(0, 500),
    builder: clip(builder, 2000),
    buildType: clip(buildType, 2000),
    source: clip(source, 2000),
    materials,
  });
}

interface Envelope {
  payload: string;
  payloadType: string;
  signatures: Array<{ sig: string }>;
}

const isEnvelope = (value: unknown): value is Envelope =>
  isRecord(value) &&
  typeof value.payload === "string" &&
  typeof value.payloadType === "string" &&
  Array.isArray(value.signatures);

const isStatement = (value: unknown): value is Record<string, unknown> =>
  isRecord(value) && typeof value._type === "string" && value._type.startsWith("https://in-toto.io/Statement/");

/** One JSON document: a Sigstore bundle, a DSSE envelope or a bare statement. */
function readDocument(
  json: unknown,
  file: string,
  publicKeyPem: string | Buffer | undefined,
): FoundProvenance | ProvenanceProblem | null {
  const envelope = isRecord(json) && isEnvelope(json.dsseEnvelope) ? json.dsseEnvelope : isEnvelope(json) ? json : null;
  let statement: unknown = json;
  let signature: ProvenanceSignature = "unverified";
  let reason: string | null = "The provenance is not signed (a bare statement).";
  if (envelope) {
    const payload = Buffer.from(envelope.payload, "base64");
    try {
      statement = JSON.parse(payload.toString("utf8"));
    } catch {
      return { file, error: "The envelope's payload is not JSON." };
    }
    if (publicKeyPem === undefined) {
      reason = "Signed, but no public key was given to check the signature.";
    } else {
      const key = loadPublicKey(publicKeyPem);
      const ok = envelope.signatures.some(
        (s) =>
          typeof s.sig === "string" &&
          verifyBytes(key, pae(envelope.payloadType, payload), Buffer.from(s.sig, "base64")),
      );
      signature = ok ? "verified" : "failed";
      reason = ok ? null : "The envelope's signature does not verify with the key given.";
    }
  }
  if (!isStatement(statement)) return null;
  // A model signature is not provenance.
  if (typeof statement.predicateType === "string" && statement.predicateType.startsWith("https://model_signing/"))
    return null;
  const subjects = Array.isArray(statement.subject)
    ? statement.subject
        .filter(isRecord)
        .slice(0, 10_000)
        .map((s) => ({ name: (str(s.name) ?? "").slice(0, 4000), digest: digestOf(s.digest) }))
    : [];
  return { file, provenance: provenanceFromStatement(statement), subjects, signature, reason };
}

const PROVENANCE_NAME =
  /(\.intoto\.jsonl|\.intoto\.json|\.provenance\.json|\.sigstore\.json|\.sigstore|\.dsse\.json|\.att\.json|^provenance\.json|^attestation\.json)$/i;

/** Whether a file name looks like attached provenance. */
export const isProvenanceFileName = (name: string) => PROVENANCE_NAME.test(name);

async function readOne(
  path: string,
  label: string,
  publicKeyPem: string | Buffer | undefined,
): Promise<ReadProvenanceResult> {
  const result: ReadProvenanceResult = { found: [], problems: [] };
  const size = (await stat(path)).size;
  if (size > MAX_PROVENANCE_BYTES) {
    result.problems.push({ file: label, error: `Larger than ${MAX_PROVENANCE_BYTES} bytes; not read.` });
    return result;
  }
  const text = await readFile(path, "utf8");
  const push = (item: FoundProvenance | ProvenanceProblem | null) => {
    if (item && "provenance" in item) result.found.push(item);
    else if (item) result.problems.push(item);
  };
  const whole = (() => {
    try {
      return { ok: true as const, json: JSON.parse(text) as unknown };
    } catch {
      return { ok: false as const };
    }
  })();
  if (whole.ok) {
    push(readDocument(whole.json, label, publicKeyPem));
    return result;
  }
  const lines = text.split("\n");
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    try {
      push(readDocument(JSON.parse(line), `${label}:${index + 1}`, publicKeyPem));
    } catch {
      result.problems.push({ file: `${label}:${index + 1}`, error: "Not JSON." });
    }
  });
  return result;
}

/**
 * Finds and parses the provenance attached to a model: the path itself when it is a provenance
 * file, the provenance files inside a model folder (not below `.git`), or those next to a model file
 * (`model.bin.intoto.jsonl`, `*.provenance.json`, …). Never throws for a bad file: it is listed
 * under `problems`.
 */
export async function readProvenance(
  path: string,
  options: { publicKeyPem?: string | Buffer } = {},
): Promise<ReadProvenanceResult> {
  const info = await stat(path);
  const candidates: Array<{ path: string; label: string }> = [];
  if (info.isDirectory()) {
    const walk = async (dir: string, prefix: string, depth: number) => {
      if (depth > 8) return;
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        if (entry.name === ".git" || entry.name === "node_modules") continue;
        const label = prefix ? `${prefix}/${entry.name}` : entry.name;
        if (entry.isDirectory()) await walk(join(dir, entry.name), label, depth + 1);
        else if (entry.isFile() && isProvenanceFileName(entry.name))
          candidates.push({ path: join(dir, entry.name), label });
      }
    };
    await walk(path, "", 0);
  } else if (isProvenanceFileName(basename(path))) {
    candidates.push({ path, label: basename(path) });
  } else {
    const base = basename(path);
    for (const entry of await readdir(dirname(path), { withFileTypes: true }))
      if (entry.isFile() && entry.name !== base && isProvenanceFileName(entry.name))
        candidates.push({ path: join(dirname(path), entry.name), label: entry.name });
  }
  candidates.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const result: ReadProvenanceResult = { found: [], problems: [] };
  for (const candidate of candidates) {
    try {
      const one = await readOne(candidate.path, candidate.label, options.publicKeyPem);
      result.found.push(...one.found);
      result.problems.push(...one.problems);
    } catch (error) {
      result.problems.push({ file: candidate.label, error: (error as Error).message });
    }
  }
  return result;
}
